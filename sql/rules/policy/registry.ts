import type { Rule } from '../rule.ts'
import type { ResolvedPolicy } from './resolved-policy.ts'
import { instantiate, type PolicyRuleDef } from './policy-rule.ts'
import { EXCLUSIONS } from './exclusions.ts'
import { BASELINE_DISMISS, BASELINE_REDUCE } from './baseline.ts'
import { DISMISS_WHEN } from './dismiss-when.ts'
import { RELATED } from './related.ts'

/**
 * The policy layer, in precedence order (first rule that holds decides what the policy asks for):
 * challenges first, then the baseline dismissals, then dismiss_when, then the baseline reductions.
 * Whether the policy's answer replaces the statute's is decided in elig_policy_determinations.
 */
export const COUNT_RULE_DEFS: readonly PolicyRuleDef[] = [
  ...EXCLUSIONS,
  ...BASELINE_DISMISS,
  ...DISMISS_WHEN,
  ...BASELINE_REDUCE,
]

export const RELATED_RULE_DEFS: readonly PolicyRuleDef[] = RELATED

export const POLICY_RULE_IDS = [...COUNT_RULE_DEFS, ...RELATED_RULE_DEFS].map((d) => d.id)

const active = (defs: readonly PolicyRuleDef[], p: ResolvedPolicy) =>
  defs.map((d) => instantiate(d, p)).filter((r): r is Rule => r !== null)

/** The rules a policy turns on for Prop 64 counts, in precedence order. */
export const policyRules = (p: ResolvedPolicy): Rule[] => active(COUNT_RULE_DEFS, p)

/** The rules a policy turns on for related (non-Prop 64) convictions. */
export const relatedRules = (p: ResolvedPolicy): Rule[] => active(RELATED_RULE_DEFS, p)
