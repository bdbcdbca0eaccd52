import { sql } from 'kysely'
import type { Model } from '../model.ts'
import { raw } from '../helpers/model-sql.ts'
import { PROP64_COUNTS, outcomeCells } from './mart_relief_outcomes.ts'

/** Relief by calendar year of conviction ('unknown' when the conviction date is missing or unreadable). */
export const mart_relief_by_year: Model = {
  name: 'mart_relief_by_year',
  layer: 'mart',
  materialized: 'table',
  grain: "one row per conviction year (or 'all') x outcome, for years with at least one in-scope count",
  sql: () => sql`
with labelled as (${PROP64_COUNTS})
select conviction_year, outcome, counts, people
from (${raw(outcomeCells({ from: 'labelled', sets: [['conviction_year'], []] }))})
order by g_conviction_year desc, conviction_year, outcome_ord`,
}
