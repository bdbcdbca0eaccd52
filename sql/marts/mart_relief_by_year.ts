import { sql } from 'kysely'
import type { Model } from '../model.ts'
import { raw } from '../helpers/model-sql.ts'
import { PROP64_COUNTS, dim, outcomeOrder, outcomeRows } from './mart_relief_outcomes.ts'

/** Relief by calendar year of conviction ('unknown' when the conviction date is missing or unreadable). */
export const mart_relief_by_year: Model = {
  name: 'mart_relief_by_year',
  layer: 'mart',
  materialized: 'table',
  grain: "one row per conviction year (or 'all') x outcome, for years with at least one in-scope count",
  sql: () => sql`
with labelled as (${PROP64_COUNTS}),
outcomes as (${raw(outcomeRows())})
select ${raw(dim('conviction_year'))}, outcome, count(*)::int as counts, count(distinct subject_id)::int as people
from outcomes
group by grouping sets ((conviction_year, outcome), (outcome))
order by grouping(conviction_year) desc, conviction_year, ${raw(outcomeOrder())}`,
}
