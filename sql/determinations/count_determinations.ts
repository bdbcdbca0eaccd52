import { sql } from 'kysely'
import type { Model } from '../model.ts'
import { raw, ref } from '../helpers/model-sql.ts'
import { STATUTE_RULES } from '../rules/statute/registry.ts'
import { reasonWithDetail, textByRank } from '../rules/rule-sql.ts'
import { count_decisions } from './count_decisions.ts'

const RANK = 'statute_rule_rank'

/**
 * The published decision per count (count_determinations.csv and .parquet, and what every mart reads): the rows
 * of count_decisions, in their stored order, with the statute rule's citation and reason written out from its
 * rank and the reason's detail. A view, not a second table: most readers never take these texts (the marts
 * count), and storing them cost more than writing them out for the few that do.
 */
export const count_determinations: Model = {
  name: 'count_determinations',
  layer: 'determination',
  materialized: 'view',
  grain:
    'one row per in-scope Prop 64 conviction count, plus related convictions the policy reaches (subject_id, cnt_order)',
  sql: () => sql`
with statute_texts as (
  -- The statute rule's texts, by its rank.
  select
    *,
    ${raw(textByRank(STATUTE_RULES, (r) => r.citation, RANK))} as statute_citation,
    ${raw(textByRank(STATUTE_RULES, (r) => r.reason, RANK))} as statute_reason
  from ${ref(count_decisions)}
)
select
  * exclude (statute_rule_rank, statute_reason_detail, statute_citation, statute_reason)
  replace (
    -- The policy's or a related charge's text where there is one, else the statute rule's.
    coalesce(citation, statute_citation) as citation,
    coalesce(reason, ${raw(reasonWithDetail('statute_reason', 'statute_reason_detail'))}) as reason
  )
from statute_texts`,
}
