import type { Model } from '../model.ts'
import { STATUTE_RULES } from '../rules/statute/registry.ts'
import { ruleColumns } from '../rules/rule-sql.ts'

/**
 * The statute layer: what HS 11361.8 allows for each in-scope count, decided by the first rule that holds.
 * The remedy says which track of 11361.8 the relief goes through: recall and resentence while the sentence
 * is still running on the as-of date (a)–(d), otherwise dismiss and seal or redesignate (e)–(h).
 */
export const elig_statute_determinations: Model = {
  name: 'elig_statute_determinations',
  layer: 'determination',
  materialized: 'table',
  grain: 'one row per in-scope Prop 64 conviction count (subject_id, cnt_order)',
  dependsOn: ['int_prop64_counts'],
  ruleIds: STATUTE_RULES.map((r) => r.id),
  sql: () => {
    const c = ruleColumns(STATUTE_RULES)
    return `
with decided as (
  select
    *,
    ${c.determination} as statute_determination,
    ${c.ruleId} as statute_rule_id,
    ${c.citation} as statute_citation,
    ${c.reason} as statute_reason,
    ${c.trail} as statute_rule_trail
  from int_prop64_counts
)
select
  *,
  case
    when statute_determination in ('dismiss', 'reduce') and sentence_running then 'recall_and_resentence'
    when statute_determination = 'dismiss' then 'dismiss_and_seal'
    when statute_determination = 'reduce' then 'redesignate'
    else statute_determination
  end as statute_remedy
from decided`
  },
}
