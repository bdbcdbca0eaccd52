import { POLICY_FELONY_SECTIONS } from '../../../data-contracts/policy.schema.ts'
import type { PolicyRuleDef } from './policy-rule.ts'
import type { FelonyChoice, ResolvedPolicy } from './resolved-policy.ts'
import { FELONY, inList, LEVEL_UNKNOWN, LOW_LEVEL, REACH } from './facts.ts'

/**
 * The policy's baseline by level: `felony` per section and `misdemeanor` for misdemeanors and infractions.
 * Dismissals come before dismiss_when and reductions after it (as in the gogen configurable flow), so a
 * section set to reduce can still be dismissed by a dismiss_when condition.
 */
const sectionsWith = (p: ResolvedPolicy, c: FelonyChoice) =>
  POLICY_FELONY_SECTIONS.filter((s) => p.felony[s] === c)
const felonyKeys = (c: FelonyChoice) => (p: ResolvedPolicy) => sectionsWith(p, c).map((s) => `felony.${s}`)

export const DA_FEL_DISMISS: PolicyRuleDef = {
  id: 'DA-FEL-DISMISS',
  outcome: 'dismiss',
  key: 'felony',
  meaning: 'The DA moves to dismiss every old-law felony of the sections set to dismiss.',
  when: (p) =>
    sectionsWith(p, 'dismiss').length
      ? `${REACH} and ${FELONY} and ${inList('base_section', sectionsWith(p, 'dismiss'))}`
      : null,
  reason: (p) =>
    `Dismiss (DA policy): every felony ${sectionsWith(p, 'dismiss').join(', ')} conviction is dismissed.`,
  sourceKeys: felonyKeys('dismiss'),
}

export const DA_MISD_DISMISS: PolicyRuleDef = {
  id: 'DA-MISD-DISMISS',
  outcome: 'dismiss',
  key: 'misdemeanor',
  meaning: 'The DA moves to dismiss every misdemeanor and infraction of HS 11357–11360.',
  when: (p) => (p.misdemeanor === 'dismiss' ? `${REACH} and ${LOW_LEVEL}` : null),
  reason: () =>
    'Dismiss (DA policy): every misdemeanor or infraction HS 11357–11360 conviction is dismissed.',
}

export const DA_LEVEL_DISMISS: PolicyRuleDef = {
  id: 'DA-LEVEL-DISMISS',
  outcome: 'dismiss',
  key: 'felony',
  meaning:
    'Level not recorded, but the policy dismisses this section at every level, so the missing level does not matter.',
  when: (p) =>
    p.misdemeanor === 'dismiss' && sectionsWith(p, 'dismiss').length
      ? `${REACH} and ${LEVEL_UNKNOWN} and ${inList('base_section', sectionsWith(p, 'dismiss'))}`
      : null,
  reason: () =>
    'Dismiss (DA policy): the conviction level is not recorded, and the policy dismisses this section as a felony and as a misdemeanor.',
  sourceKeys: felonyKeys('dismiss'),
}

export const DA_FEL_REDUCE: PolicyRuleDef = {
  id: 'DA-FEL-REDUCE',
  outcome: 'reduce',
  key: 'felony',
  meaning:
    'The DA moves to reduce every old-law felony of the sections set to reduce (unless a dismiss_when holds).',
  when: (p) =>
    sectionsWith(p, 'reduce').length
      ? `${REACH} and ${FELONY} and ${inList('base_section', sectionsWith(p, 'reduce'))}`
      : null,
  reason: (p) =>
    `Redesignate (DA policy): every felony ${sectionsWith(p, 'reduce').join(', ')} conviction is reduced to a misdemeanor.`,
  reducedLevel: 'misdemeanor',
  sourceKeys: felonyKeys('reduce'),
}

export const DA_MISD_REDUCE: PolicyRuleDef = {
  id: 'DA-MISD-REDUCE',
  outcome: 'reduce',
  key: 'misdemeanor',
  meaning:
    'The DA moves to reduce every misdemeanor of HS 11357–11360 to an infraction (unless a dismiss_when holds).',
  when: (p) => (p.misdemeanor === 'reduce' ? `${REACH} and ${LOW_LEVEL}` : null),
  reason: () =>
    'Redesignate (DA policy): every misdemeanor HS 11357–11360 conviction is reduced to an infraction.',
  reducedLevel: 'infraction',
}

export const DA_LEVEL_REDUCE: PolicyRuleDef = {
  id: 'DA-LEVEL-REDUCE',
  outcome: 'reduce',
  key: 'felony',
  meaning: 'Level not recorded, but the policy reduces this section at every level.',
  when: (p) =>
    p.misdemeanor === 'reduce' && sectionsWith(p, 'reduce').length
      ? `${REACH} and ${LEVEL_UNKNOWN} and ${inList('base_section', sectionsWith(p, 'reduce'))}`
      : null,
  reason: () =>
    'Redesignate (DA policy): the conviction level is not recorded, and the policy reduces this section as a felony and as a misdemeanor; the motion asks for a misdemeanor, the level both readings reach.',
  // A felony becomes a misdemeanor, a misdemeanor stays one at worst: 'misdemeanor' is what both readings give
  // at least, and the court corrects it upward from the file.
  reducedLevel: 'misdemeanor',
  sourceKeys: felonyKeys('reduce'),
}

export const BASELINE_DISMISS = [DA_FEL_DISMISS, DA_MISD_DISMISS, DA_LEVEL_DISMISS]
export const BASELINE_REDUCE = [DA_FEL_REDUCE, DA_MISD_REDUCE, DA_LEVEL_REDUCE]
