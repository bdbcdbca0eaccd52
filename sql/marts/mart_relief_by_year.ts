import type { Model } from '../model.ts'
import { PROP64_COUNTS, dim, outcomeOrder, outcomeRows } from './mart_relief_outcomes.ts'

/** Relief by calendar year of conviction ('unknown' when the conviction date is missing or unreadable). */
export const mart_relief_by_year: Model = {
  name: 'mart_relief_by_year',
  layer: 'mart',
  materialized: 'table',
  grain: "one row per conviction year (or 'all') x outcome, for years with at least one in-scope count",
  dependsOn: ['count_determinations'],
  sql: () => `
with labelled as (${PROP64_COUNTS}),
outcomes as (${outcomeRows()})
select ${dim('conviction_year')}, outcome, count(*)::int as counts, count(distinct subject_id)::int as people
from outcomes
group by grouping sets ((conviction_year, outcome), (outcome))
order by grouping(conviction_year) desc, conviction_year, ${outcomeOrder()}`,
}
