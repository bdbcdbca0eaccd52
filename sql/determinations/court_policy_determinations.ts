import type { Model } from '../model.ts'
import { policyDeterminationsSql } from './elig_policy_determinations.ts'
import { court_statute_determinations } from './court_statute_determinations.ts'
import { int_court_convictions } from '../intermediate/int_court_convictions.ts'
import { POLICY_RULE_IDS } from '../rules/policy/registry.ts'

/**
 * The run's DA policy over court-only convictions, with record-wide facts from the court people's convictions
 * (DOJ and court). No related charges: the court index is read for cannabis convictions only.
 */
export const court_policy_determinations: Model = {
  name: 'court_policy_determinations',
  layer: 'determination',
  materialized: 'table',
  grain: 'one row per court-only cannabis conviction (subject_id, cnt_order)',
  ruleIds: POLICY_RULE_IDS,
  sql: (ctx) =>
    policyDeterminationsSql(ctx, {
      statute: court_statute_determinations,
      convictions: int_court_convictions,
      related: false,
    }),
}
