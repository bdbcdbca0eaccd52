import { rule } from '../rule.ts'
import { AGE_18_PLUS, FELONY, FELONY_TIER_SECTION } from './facts.ts'

/**
 * Record-level facts that only matter for a felony 11358/11359/11360 committed at 18 or older: they keep it
 * a felony (HS 11358(d), 11359(c), 11360(a)(3)). Only disqualifiers convicted BEFORE the offense count
 * (People v. Smit (2018) 24 Cal.App.5th 596).
 */

export const P64_DATA_02 = rule({
  id: 'P64-DATA-02',
  layer: 'statute',
  outcome: 'review',
  citation: 'HS 11357, 11358, 11359, 11360 (age tiers); HS 11362.1',
  reason:
    'Needs review: the date of birth is missing, unreadable or after the offense date, and the relief depends on age at the offense (under 18, 18–20, 21+).',
  when: `age_at_offense is null and not (${FELONY} and (
    (base_section = 'HS 11357' and coalesce(subsection, '') <> 'B')
    or (base_section in ('HS 11358', 'HS 11359', 'HS 11360')
        and not prior_superstrike and not prior_pc290 and same_section_priors < 2)))`,
  interpretation:
    'Where every age tier leads to the same outcome (a felony that can only become a misdemeanor or infraction), the missing DOB does not matter and the count is decided.',
})

export const P64_DQ_01 = rule({
  id: 'P64-DQ-01',
  layer: 'statute',
  outcome: 'not_eligible',
  citation:
    'HS 11358(d)(1), 11359(c)(1), 11360(a)(3)(A); PC 667(e)(2)(C)(iv); People v. Smit (2018) 24 Cal.App.5th 596',
  reason:
    'Not eligible for redesignation: a super-strike conviction (PC 667(e)(2)(C)(iv)) before this offense keeps it a felony.',
  when: `${FELONY_TIER_SECTION} and ${AGE_18_PLUS} and prior_superstrike`,
})

export const P64_DQ_02 = rule({
  id: 'P64-DQ-02',
  layer: 'statute',
  outcome: 'not_eligible',
  citation:
    'HS 11358(d)(1), 11359(c)(1), 11360(a)(3)(A); PC 290(c); People v. Smit (2018) 24 Cal.App.5th 596',
  reason:
    'Not eligible for redesignation: a conviction requiring PC 290(c) registration (or a PC 290 registration) before this offense keeps it a felony.',
  when: `${FELONY_TIER_SECTION} and ${AGE_18_PLUS} and prior_pc290`,
})

export const P64_DQ_03 = rule({
  id: 'P64-DQ-03',
  layer: 'statute',
  outcome: 'review',
  citation: 'HS 11358(d)(2), 11359(c)(2), 11360(a)(3)(B); HS 11361.8(b), (f)',
  reason:
    'Needs review (possible_two_priors): two or more earlier same-section adult convictions before this offense. Whether pre-Prop 64 felonies count as priors under the new misdemeanor tier is unsettled; the presumption of eligibility makes this a question, not a bar.',
  when: `${FELONY_TIER_SECTION} and ${AGE_18_PLUS} and same_section_priors >= 2`,
  interpretation:
    'legal-verify item 1: strict reading, same section only, adult conduct, convicted before the offense date.',
})
