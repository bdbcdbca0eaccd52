import { sql } from 'kysely'
import type { Model } from '../model.ts'
import { raw } from '../helpers/model-sql.ts'
import { PROP64_COUNTS, dim, outcomeOrder, outcomeRows } from './mart_relief_outcomes.ts'

/** Relief by code section and level of conviction, with each margin ('all') published alongside. */
export const mart_relief_by_offense: Model = {
  name: 'mart_relief_by_offense',
  layer: 'mart',
  materialized: 'table',
  grain: "one row per code section (or 'all') x conviction level (or 'all') x outcome, where counts exist",
  sql: () => sql`
with labelled as (${PROP64_COUNTS}),
outcomes as (${raw(outcomeRows())})
select ${raw(dim('code_section'))}, ${raw(dim('conviction_level'))}, outcome,
  count(*)::int as counts, count(distinct subject_id)::int as people
from outcomes
group by grouping sets (
  (code_section, conviction_level, outcome), (code_section, outcome), (conviction_level, outcome), (outcome)
)
order by grouping(code_section) desc, code_section, grouping(conviction_level) desc, conviction_level,
  ${raw(outcomeOrder())}`,
}
