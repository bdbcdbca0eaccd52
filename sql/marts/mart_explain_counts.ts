import { sql } from 'kysely'
import type { Model } from '../model.ts'
import { ref } from '../helpers/model-sql.ts'
import { count_determinations } from '../determinations/count_determinations.ts'
import { elig_policy_determinations } from '../determinations/elig_policy_determinations.ts'

/**
 * What `relief explain` shows per count: the published decision (count_determinations) beside the policy
 * layer's reach, answer and rule trail (elig_policy_determinations). A view: read for one person at a time.
 */
export const mart_explain_counts: Model = {
  name: 'mart_explain_counts',
  layer: 'mart',
  materialized: 'view',
  grain: 'one row per decided count (subject_id, cnt_order), as count_determinations',
  sql: () => sql`
select c.* exclude (is_related), p.is_related, p.policy_reach, p.policy_outcome, p.policy_rule_id,
  p.policy_citation, array_to_string(p.policy_rule_trail, ' > ') as policy_trail
from ${ref(count_determinations)} c
join ${ref(elig_policy_determinations)} p using (subject_id, cnt_order)`,
}
