import type { PolicyRuleDef } from './policy-rule.ts'
import type { RelatedCharge, ResolvedPolicy } from './resolved-policy.ts'
import { lit } from '../../helpers/quote.ts'

/**
 * related_charges: non-Prop 64 convictions the DA dismisses (or sends to review) because they come from the
 * same arrest cycle as Prop 64 relief — the San Joaquin and Contra Costa practice. HS 11361.8 does not reach
 * these sections, so every such row is the policy's, never the statute's.
 */
export const DA_RELATED_DISMISS: PolicyRuleDef = {
  id: 'DA-RELATED-DISMISS',
  outcome: 'dismiss',
  key: 'related_charges',
  meaning:
    'A listed related charge in the same arrest cycle as a Prop 64 count that gets relief, or as a Prop 64 charge that ended without any Prop 64 conviction in the cycle (a likely plea bargain).',
  when: (p) =>
    p.related_charges.some((r) => r.outcome === 'dismiss') ? `related_outcome = 'dismiss'` : null,
  reason: () =>
    'Dismiss (DA policy): a related charge from the same arrest cycle as Prop 64 relief. HS 11361.8 does not reach this section (out of statute scope); the DA moves to dismiss it in the interest of justice (PC 1385).',
}

export const DA_RELATED_REVIEW: PolicyRuleDef = {
  id: 'DA-RELATED-REVIEW',
  outcome: 'review',
  key: 'related_charges',
  meaning: 'A related charge the policy lists for review rather than dismissal.',
  when: (p) => (p.related_charges.some((r) => r.outcome === 'review') ? `related_outcome = 'review'` : null),
  reason: () =>
    'Needs review (DA policy): a related charge from the same arrest cycle as Prop 64 relief that the DA reviews by hand. HS 11361.8 does not reach this section (out of statute scope).',
}

export const RELATED = [DA_RELATED_DISMISS, DA_RELATED_REVIEW]

/** A related-charge entry matches its section and, without a subsection, every subsection of it. */
export function relatedMatch(r: RelatedCharge): string {
  return r.section.includes('(')
    ? `(code_section = ${lit(r.section)} or starts_with(code_section, ${lit(r.section + '(')}))`
    : `base_section = ${lit(r.section)}`
}

/** related_outcome per conviction: the most specific listed entry wins ("PC 647(F)" before "PC 647"). */
export function relatedOutcome(p: ResolvedPolicy): string | null {
  if (p.related_charges.length === 0) return null
  const byDetail = [...p.related_charges].sort((a, b) => b.section.length - a.section.length)
  return `case\n${byDetail.map((r) => `      when ${relatedMatch(r)} then ${lit(r.outcome)}`).join('\n')}\n    end`
}
