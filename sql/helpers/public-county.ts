/**
 * Public outputs name only the 58 California counties (ref_counties): a county column in the extract is typed
 * by people, and whatever was typed there must not be published. Anything else, and a missing county, is
 * published as "Unknown county"; mart_data_quality counts those counts.
 */
import { sql } from 'kysely'
import { raw, ref, type SqlTemplate } from './model-sql.ts'
import { ref_counties } from '../seeds/reference_tables.ts'

export const UNKNOWN_COUNTY = 'Unknown county'

/** The county as a public output may show it (the reference to ref_counties is recorded by the template). */
export const publicCounty = (expr: string): SqlTemplate =>
  sql`case when ${raw(expr)} in (select county from ${ref(ref_counties)}) then ${raw(expr)} else ${sql.lit(UNKNOWN_COUNTY)} end`
