import type { PolicyRuleDef } from './policy-rule.ts'
import { ADULT_OR_UNKNOWN, FELONY_TIER, REACH } from './facts.ts'

/**
 * exclude_when: the record facts a DA chose to challenge (HS 11361.9(c)). They reach only the felonies whose
 * statutory outcome those facts can change (11358–11360 felonies, HS 11358(d), 11359(c), 11360(a)(3)), so a
 * challenge never takes away relief the statute grants; what it stops is the policy going beyond the statute.
 * Priors count as the statute counts them: convicted before this offense (People v. Smit (2018) 24 Cal.App.5th 596).
 */
const challenge = (what: string) =>
  `Not eligible (DA policy): ${what}; the DA challenges this count under HS 11361.9(c).`

export const DA_EXCL_SUPERSTRIKE: PolicyRuleDef = {
  id: 'DA-EXCL-SUPERSTRIKE',
  outcome: 'not_eligible',
  key: 'exclude_when.superstrike_prior',
  meaning:
    'A super-strike conviction (PC 667(e)(2)(C)(iv)) before the offense: the DA challenges the felony.',
  when: (p) =>
    p.exclude_when.superstrike_prior
      ? `${REACH} and ${FELONY_TIER} and ${ADULT_OR_UNKNOWN} and prior_superstrike`
      : null,
  reason: () => challenge('a super-strike conviction (PC 667(e)(2)(C)(iv)) before this offense'),
}

export const DA_EXCL_PC290: PolicyRuleDef = {
  id: 'DA-EXCL-PC290',
  outcome: 'not_eligible',
  key: 'exclude_when.pc290',
  meaning:
    'A PC 290(c) conviction or a PC 290 registration before the offense: the DA challenges the felony.',
  when: (p) =>
    p.exclude_when.pc290
      ? `${REACH} and ${FELONY_TIER} and ${ADULT_OR_UNKNOWN} and (prior_pc290 or prior_pc290_registration)`
      : null,
  reason: () => challenge('a PC 290(c) conviction or PC 290 registration before this offense'),
}

export const DA_EXCL_TWO_PRIORS: PolicyRuleDef = {
  id: 'DA-EXCL-TWO-PRIORS',
  outcome: 'not_eligible',
  key: 'exclude_when.two_priors',
  meaning: 'Two or more earlier adult convictions of the same section: the DA challenges the felony.',
  when: (p) =>
    p.exclude_when.two_priors
      ? `${REACH} and ${FELONY_TIER} and ${ADULT_OR_UNKNOWN} and same_section_priors >= 2`
      : null,
  reason: () => challenge('two or more earlier adult convictions of the same section before this offense'),
}

export const EXCLUSIONS = [DA_EXCL_SUPERSTRIKE, DA_EXCL_PC290, DA_EXCL_TWO_PRIORS]
