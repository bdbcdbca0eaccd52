import { sql } from 'kysely'
import type { Model } from '../model.ts'
import { raw } from '../helpers/model-sql.ts'
import { PROP64_COUNTS, outcomeCells } from './mart_relief_outcomes.ts'

/** Relief by code section and level of conviction, with each margin ('all') published alongside. */
export const mart_relief_by_offense: Model = {
  name: 'mart_relief_by_offense',
  layer: 'mart',
  materialized: 'table',
  grain: "one row per code section (or 'all') x conviction level (or 'all') x outcome, where counts exist",
  sql: () => sql`
with labelled as (${PROP64_COUNTS})
select code_section, conviction_level, outcome, counts, people
from (${raw(outcomeCells({ from: 'labelled', sets: [['code_section', 'conviction_level'], ['code_section'], ['conviction_level'], []] }))})
order by g_code_section desc, code_section, g_conviction_level desc, conviction_level, outcome_ord`,
}
