import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../../pipelines/lib/duckdb.ts'
import { publishMarts } from '../../../pipelines/outputs/publish-marts.ts'
import { disparityRows, type DisparityRow } from '../../../reports/report/disparity.ts'
import { rowsOf } from '../../../reports/charts/rows.ts'
import type { DemographicsRow, PopulationRow } from '../../../data-contracts/outputs/public-marts.contract.ts'
import { martDb, type CountFixture } from './mart-db.ts'

// Alpine County, 2020 Census adults: 1,009 in all; Hispanic 62, non-Hispanic white 726, Black 9.
const ADULTS = { all: 1009, hispanic: 62, white_nh: 726, black_nh: 9 }

/** n people of one race, each with one count; the first `relief` reduced, the rest `other`. */
function people(
  prefix: string,
  race: string,
  gender: string,
  n: number,
  relief: number,
  other: string,
): CountFixture[] {
  return Array.from({ length: n }, (_, i) => ({
    subject_id: `${prefix}${String(i).padStart(3, '0')}`,
    county: 'ALPINE',
    conviction_year: 1990,
    code_section: 'HS 11359',
    conviction_level: 'felony',
    race_code: race,
    gender,
    age_at_conviction: 30,
    statute_determination: i < relief ? 'reduce' : other,
    determination: i < relief ? 'reduce' : other,
  }))
}

// 30 white people (24 granted relief), 20 Black (18), 15 Hispanic (9): 65 in scope, 51 granted relief.
const FIXTURE = [
  ...people('W', 'W', 'M', 30, 24, 'not_eligible'),
  ...people('B', 'B', 'M', 20, 18, 'review'),
  ...people('H', 'H', 'F', 15, 9, 'not_eligible'),
]

let db: Db
beforeAll(async () => {
  db = await martDb(FIXTURE, { county: 'ALPINE' })
})
afterAll(() => db.close())

async function rowsFor(minCell: number, dimension: 'race_group' | 'gender') {
  const marts = await publishMarts(db, minCell)
  const demo = rowsOf<DemographicsRow>(marts.get('mart_relief_by_demographics')!.table)
  const pop = rowsOf<PopulationRow>(marts.get('mart_relief_population')!.table)
  return disparityRows(demo, dimension, pop)
}
const byGroup = (rows: DisparityRow[], g: string) => rows.find((r) => r.group === g)!

describe('disparity ratios, computed by hand for a small fixture', () => {
  it('uses the Census adults of the counties of the run', async () => {
    const rows = await rowsFor(1, 'race_group')
    expect(rows.map((r) => r.group)).toEqual(['hispanic', 'white_nh', 'black_nh'])
    expect(byGroup(rows, 'black_nh').adults).toBe(ADULTS.black_nh)
    expect(byGroup(rows, 'black_nh').share_population).toBeCloseTo(ADULTS.black_nh / ADULTS.all, 12)
  })

  it('share of relief ÷ share of population, rate per 100,000 adults and the rate ratio to white', async () => {
    const rows = await rowsFor(1, 'race_group')
    const white = byGroup(rows, 'white_nh')
    const black = byGroup(rows, 'black_nh')
    const hisp = byGroup(rows, 'hispanic')
    expect(black.in_scope).toBe(20)
    expect(black.relief).toBe(18)
    expect(black.share_relief).toBeCloseTo(18 / 51, 12)
    expect(black.share_in_scope).toBeCloseTo(20 / 65, 12)
    expect(black.ratio_to_population).toBeCloseTo(18 / 51 / (9 / 1009), 9) // 39.57
    expect(black.rate_per_100k_adults).toBeCloseTo((18 / 9) * 100_000, 6) // 200,000
    expect(white.rate_per_100k_adults).toBeCloseTo((24 / 726) * 100_000, 6) // 3,305.8
    expect(black.rate_ratio_to_reference).toBeCloseTo(2 / (24 / 726), 9) // 60.5
    expect(white.rate_ratio_to_reference).toBe(1)
    expect(hisp.rate_ratio_to_reference).toBeCloseTo(9 / 62 / (24 / 726), 9) // 4.39
    expect(hisp.relief_rate).toBeCloseTo(9 / 15, 12)
    expect(hisp.ratio_to_in_scope).toBeCloseTo(9 / 51 / (15 / 65), 12) // 0.76
    // rate ratio = ratio of the two groups' share ratios
    expect(black.rate_ratio_to_reference!).toBeCloseTo(
      black.ratio_to_population! / white.ratio_to_population!,
      9,
    )
  })

  it('gender has no population figure: relief share ÷ share in scope only', async () => {
    const rows = await rowsFor(1, 'gender')
    const f = byGroup(rows, 'female')
    expect(f.share_population).toBeNull()
    expect(f.rate_per_100k_adults).toBeNull()
    expect(f.ratio_to_in_scope).toBeCloseTo(9 / 51 / (15 / 65), 12)
    expect(byGroup(rows, 'male').ratio_to_in_scope).toBeCloseTo(42 / 51 / (50 / 65), 12)
  })

  it('a ratio built on a withheld cell is withheld too', async () => {
    const rows = await rowsFor(11, 'race_group')
    const hisp = byGroup(rows, 'hispanic') // 9 people granted relief < 11
    expect(hisp.relief).toBeNull()
    expect(hisp.share_relief).toBeNull()
    expect(hisp.ratio_to_population).toBeNull()
    expect(hisp.rate_ratio_to_reference).toBeNull()
    expect(hisp.in_scope).toBe(15)
    // the others still come out of published numbers only, each right or withheld
    for (const r of rows) {
      if (r.share_relief != null) expect(r.share_relief).toBeCloseTo(r.relief! / 51, 12)
      if (r.relief == null) expect(r.ratio_to_population).toBeNull()
    }
  })
})
