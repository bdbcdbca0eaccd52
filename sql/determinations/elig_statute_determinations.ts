import { sql } from 'kysely'
import type { Model } from '../model.ts'
import { raw, ref, type Relation, type SqlTemplate } from '../helpers/model-sql.ts'
import { int_prop64_counts } from '../intermediate/int_prop64_counts.ts'
import type { Rule } from '../rules/rule.ts'
import { STATUTE_RULES } from '../rules/statute/registry.ts'
import {
  firstMatchRank,
  reducedLevelByRank,
  reasonWithDetail,
  ruleDetail,
  ruleTrailText,
  rulesTable,
} from '../rules/rule-sql.ts'

/**
 * The statute layer: what HS 11361.8 allows for each in-scope count, decided by the first rule that holds.
 * The remedy says which track of 11361.8 the relief goes through: recall and resentence while the sentence
 * is still running on the as-of date (a)–(d), otherwise dismiss and seal or redesignate (e)–(h). A reduction
 * also says what it asks for: redesignation as a misdemeanor or as an infraction (statute_reduced_level).
 */
export const elig_statute_determinations: Model = {
  name: 'elig_statute_determinations',
  layer: 'determination',
  // A view: count_determinations keeps every column of it, and storing the rows once more cost more than reading
  // them through the view again (at 1M lines 0.7 s of the decisions' 5.9, docs/scale.md).
  materialized: 'view',
  materializedWhenLarge: 'table',
  grain: 'one row per in-scope Prop 64 conviction count (subject_id, cnt_order)',
  ruleIds: STATUTE_RULES.map((r) => r.id),
  sql: () => statuteDeterminationsSql(),
}

/** The model's SELECT over a counts relation shaped like int_prop64_counts, with these rules in this order. */
export const statuteDeterminationsSql = (
  counts: Relation = int_prop64_counts,
  rules: readonly Rule[] = STATUTE_RULES,
): SqlTemplate => sql`
with ranked as (
  select
    *,
    ${raw(firstMatchRank(rules))} as statute_rule_rank,
    -- Every rule that holds, in order, as text (ruleTrailText).
    ${raw(ruleTrailText(rules))} as statute_rule_trail
  from ${ref(counts)}
),
decided as (
  select
    ranked.*,
    r.outcome as statute_determination,
    r.rule_id as statute_rule_id,
    r.citation as statute_citation,
    -- By rank in \`rules\`, the list ranked above: the court path inserts a rule of its own, so another list's
    -- ranks would name the wrong rule's detail and level.
    r.reason as statute_rule_reason,
    ${raw(ruleDetail(rules, 'ranked.statute_rule_rank'))} as statute_reason_detail,
    ${raw(reducedLevelByRank(rules, 'ranked.statute_rule_rank'))} as statute_reduced_level
  from ranked
  join ${raw(rulesTable(rules, 'r'))} on r.rule_rank = ranked.statute_rule_rank
)
select
  * exclude (statute_rule_reason),
  -- The rule's reason, and what this row adds to it (the rank and the detail are what count_decisions keeps).
  ${raw(reasonWithDetail('statute_rule_reason', 'statute_reason_detail'))} as statute_reason,
  case
    when statute_determination in ('dismiss', 'reduce') and sentence_running then 'recall_and_resentence'
    when statute_determination = 'dismiss' then 'dismiss_and_seal'
    when statute_determination = 'reduce' then 'redesignate'
    else statute_determination
  end as statute_remedy
from decided`
