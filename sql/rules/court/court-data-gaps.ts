import { rule, type Rule } from '../rule.ts'
import { STATUTE_RULES } from '../statute/registry.ts'
import { FELONY_TIER_SECTION } from '../statute/facts.ts'

/**
 * What a court index lacks that the statute rules read. The DOJ record supplies a person's criminal history
 * (super-strikes, PC 290, same-section priors); a court-only person has none on file, and its absence must not
 * read as a clean record. This rule runs inside the statute layer, just before the disqualifier rules it guards.
 */
export const CRT_DATA_01 = rule({
  id: 'CRT-DATA-01',
  layer: 'statute',
  outcome: 'review',
  citation: 'HS 11358(d), 11359(c), 11360(a)(3); PC 667(e)(2)(C)(iv); PC 290(c); HS 11361.8(b), (f)',
  reason:
    'Needs review: found only in the court index, and no DOJ criminal history matches this person (name and DOB), so prior super-strike, PC 290 and same-section convictions, which can keep this felony a felony, are unknown.',
  when: `not doj_history_known and ${FELONY_TIER_SECTION} and coalesce(age_at_offense >= 18, true)`,
  interpretation:
    'Only the felony 11358/11359/11360 counts turn on criminal history; every other count is decided by the statute rules as they are.',
})

/** The statute registry with the court data-gap rule placed before the first disqualifier rule. */
export function courtStatuteRules(): readonly Rule[] {
  const at = STATUTE_RULES.findIndex((r) => r.id === 'P64-DQ-01')
  if (at < 0) throw new Error('statute registry has no P64-DQ-01 to place CRT-DATA-01 before')
  return [...STATUTE_RULES.slice(0, at), CRT_DATA_01, ...STATUTE_RULES.slice(at)]
}
