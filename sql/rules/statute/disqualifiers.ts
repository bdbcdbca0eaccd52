import { rule } from '../rule.ts'
import { AGE_18_PLUS, FELONY, FELONY_TIER_RECORD_FACT, FELONY_TIER_SECTION } from './facts.ts'

/**
 * Record-level facts that only matter for a felony 11358/11359/11360 committed at 18 or older: they keep it
 * a felony (HS 11358(d), 11359(c), 11360(a)(3)). Only disqualifiers convicted BEFORE the offense count
 * (People v. Smit (2018) 24 Cal.App.5th 596).
 *
 * No floor, no guess: with such a fact, 11359 stays a felony whatever the conduct (its felony tier needs no further
 * fact), but a felony 11358 survives only with more than six plants and a felony 11360(a) only for a sale or a
 * transport for sale (or a gift of more than 28.5 g). Those facts are not in DOJ data and the alternative is lawful
 * conduct, so those counts go to review naming the fact, not to not_eligible.
 */

export const P64_DATA_02 = rule({
  id: 'P64-DATA-02',
  layer: 'statute',
  outcome: 'review',
  citation: 'HS 11357, 11358, 11359, 11360 (age tiers); HS 11362.1',
  reason:
    'Needs review: the date of birth is missing, unreadable or after the offense date and CYC_AGE is blank, and the relief depends on age at the offense (under 18, 18–20, 21+).',
  when: `age_at_offense is null and not (${FELONY} and (
    (base_section = 'HS 11357' and coalesce(subsection, '') <> 'B')
    or (base_section in ('HS 11358', 'HS 11359', 'HS 11360') and not ${FELONY_TIER_RECORD_FACT})))`,
  summary: 'no DOB and no CYC_AGE where age decides',
  interpretation:
    'Where every age tier leads to the same outcome (a felony that can only become a misdemeanor or infraction), the missing age does not matter and the count is decided.',
})

const HS_11359_ADULT_FELONY = `base_section = 'HS 11359' and ${FELONY} and ${AGE_18_PLUS}`

export const P64_DQ_01 = rule({
  id: 'P64-DQ-01',
  layer: 'statute',
  outcome: 'not_eligible',
  citation: 'HS 11359(c)(1); PC 667(e)(2)(C)(iv); People v. Smit (2018) 24 Cal.App.5th 596',
  reason:
    'Not eligible for redesignation: a super-strike conviction (PC 667(e)(2)(C)(iv)) before this offense keeps a felony possession for sale a felony (11359(c)(1)).',
  when: `${HS_11359_ADULT_FELONY} and prior_superstrike`,
  summary: 'felony 11359 at 18+ with a super-strike convicted before the offense (*People v. Smit*)',
})

export const P64_DQ_02 = rule({
  id: 'P64-DQ-02',
  layer: 'statute',
  outcome: 'not_eligible',
  citation: 'HS 11359(c)(1); PC 290(c); People v. Smit (2018) 24 Cal.App.5th 596',
  reason:
    'Not eligible for redesignation: a conviction of an offense requiring PC 290(c) registration (attempts included) before this offense keeps a felony possession for sale a felony (11359(c)(1)).',
  when: `${HS_11359_ADULT_FELONY} and prior_pc290`,
  summary: 'felony 11359 at 18+ with a PC 290(c) conviction (attempts included) before the offense',
})

export const P64_DQ_04 = rule({
  id: 'P64-DQ-04',
  layer: 'statute',
  outcome: 'review',
  citation:
    'HS 11358(c), (d)(1)–(2); HS 11362.1(a)(3); HS 11361.8(b), (f); People v. Smit (2018) 24 Cal.App.5th 596',
  reason:
    'Needs review: missing fact plant count. With a prior super-strike, PC 290(c) offense, PC 290 registration or two same-section priors, a felony cultivation stays a felony only with more than six plants (11358(d)); six or fewer is lawful at 21+ (11362.1(a)(3)). DOJ data does not record plants.',
  when: `base_section = 'HS 11358' and ${FELONY} and ${AGE_18_PLUS} and ${FELONY_TIER_RECORD_FACT}`,
  summary:
    'felony 11358 at 18+ with a super-strike, PC 290(c), registration or two priors: survives only with more than six plants (not in data)',
})

export const P64_DQ_05 = rule({
  id: 'P64-DQ-05',
  layer: 'statute',
  outcome: 'review',
  citation:
    'HS 11360(a)(2)–(3); HS 11362.1(a)(1); HS 11361.8(b), (f); docs/legal-basis.md §8 item 2 (AB 730: transport means transport for sale)',
  reason:
    'Needs review: missing fact sale or transport for sale. With a prior super-strike, PC 290(c) offense, PC 290 registration or two same-section priors, a felony 11360 stays a felony only for a sale, a transport for sale or a gift of more than 28.5 g (11360(a)(3)); a gift of 28.5 g or less at 21+ or a personal-use transport is lawful. DOJ data does not say which.',
  when: `base_section = 'HS 11360' and ${FELONY} and ${AGE_18_PLUS} and ${FELONY_TIER_RECORD_FACT}`,
  summary:
    'felony 11360 at 18+ with a super-strike, PC 290(c), registration or two priors: survives only for a sale or transport for sale (not in data)',
})

export const P64_DQ_06 = rule({
  id: 'P64-DQ-06',
  layer: 'statute',
  outcome: 'review',
  citation: 'HS 11359(c)(1); PC 290(c); HS 11361.8(b), (f); People v. Smit (2018) 24 Cal.App.5th 596',
  reason:
    'Needs review: missing fact the registrable conviction. A PC 290 registration step (dated or not) proves that some registrable conviction exists, not that it is a PC 290(c) offense or that it was entered before this offense; the conviction itself is not in the record.',
  when: `${HS_11359_ADULT_FELONY} and pc290_registration_unexplained`,
  summary:
    'felony 11359 at 18+ with a PC 290 registration (dated or not) whose registrable conviction is not in the record',
})

export const P64_DQ_03 = rule({
  id: 'P64-DQ-03',
  layer: 'statute',
  outcome: 'review',
  citation: 'HS 11358(d)(2), 11359(c)(2), 11360(a)(3)(B); HS 11361.8(b), (f)',
  reason:
    'Needs review (possible_two_priors): two or more earlier same-section adult convictions before this offense. Whether pre-Prop 64 felonies count as priors under the new misdemeanor tier is unsettled; the presumption of eligibility makes this a question, not a bar.',
  when: `${FELONY_TIER_SECTION} and ${AGE_18_PLUS} and same_section_priors >= 2`,
  summary:
    'felony 11359 at 18+ with two or more earlier same-subdivision adult conviction events (possible_two_priors)',
  interpretation:
    'docs/legal-basis.md §8 item 1: strict reading, same section and subdivision, adult conduct, convicted before the offense date, counted per conviction event. 11358 and 11360 reach DQ-04/DQ-05 first.',
})
