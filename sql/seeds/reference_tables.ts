import type { Model } from '../model.ts'
import { lit } from '../helpers/quote.ts'

/** A reference CSV from data-contracts/reference as a table (tiny; read with all columns as text). */
function referenceCsv(name: string, file: string, grain: string): Model {
  return {
    name,
    layer: 'seed',
    materialized: 'table',
    grain,
    dependsOn: [],
    sql: (ctx) =>
      `select * from read_csv(${lit(`${ctx.referenceDir}/${file}`)}, header=true, all_varchar=true)`,
  }
}

export const ref_counties = referenceCsv('ref_counties', 'counties.csv', 'one row per California county')
export const ref_superstrike_sections = referenceCsv(
  'ref_superstrike_sections',
  'superstrike-sections.csv',
  'one row per code-section pattern listed in PC 667(e)(2)(C)(iv)',
)
export const ref_pc290c_sections = referenceCsv(
  'ref_pc290c_sections',
  'pc290c-sections.csv',
  'one row per code-section pattern requiring registration under PC 290(c)',
)
export const ref_race_codes = referenceCsv(
  'ref_race_codes',
  'race-codes.csv',
  'one row per DOJ race code letter, with the Census population group it maps to',
)
export const ref_county_population = referenceCsv(
  'ref_county_population',
  'ca-county-population-2020.csv',
  'one row per county: 2020 Census population by race and ethnicity',
)
export const ref_offense_codes = referenceCsv(
  'ref_offense_codes',
  'cannabis-offense-codes.csv',
  'one row per CJIS cannabis offense code, with the dates its subsection meaning was in force',
)
