import { rule } from '../rule.ts'
import {
  AGE_18_PLUS,
  AGE_21_PLUS,
  FELONY,
  INFRACTION,
  MISDEMEANOR,
  MISDEMEANOR_OR_INFRACTION_BY_AGE,
  UNDER_18,
  UNDER_21,
  section,
} from './facts.ts'

/**
 * The offense matrix of docs/legal-basis.md §4 as settled in §8: what an old-law conviction would be under
 * Prop 64, given the section, the subsection meaning in force on the offense date, the level and the age.
 * Every count reaching these rules has an offense before 2016-11-09 (P64-TIME-01/02 run first).
 * Where the law turns on a fact the DOJ data lacks, the outcome is the floor the law guarantees whatever
 * that fact is; if there is no such floor, the count goes to review naming the fact.
 */

// ---- HS 11357 possession -------------------------------------------------------------------------
export const P64_11357B_01 = rule({
  id: 'P64-11357B-01',
  layer: 'statute',
  outcome: 'dismiss',
  citation: 'HS 11361.8(e)–(f); HS 11362.1(a)(1)',
  reason:
    'Dismiss and seal: possession of 28.5 g or less (old 11357(b)) at 21 or older is lawful under Prop 64.',
  when: `${section('11357', 'B')} and ${AGE_21_PLUS}`,
  summary: 'old 11357(b) (28.5 g or less) at 21+: lawful',
})

export const P64_11357_FEL = rule({
  id: 'P64-11357-FEL',
  layer: 'statute',
  outcome: 'reduce',
  citation: 'HS 11361.8(e)–(f); HS 11357(a)–(b) as amended by Prop 64',
  reason:
    'Redesignate: Prop 64 left no felony possession offense (at most a misdemeanor, an infraction under 21). Dismissal of old 11357(a) would need 8 g or less of concentrate at 21+, which DOJ data does not record.',
  when: `base_section = 'HS 11357' and ${FELONY}`,
  summary: 'felony 11357: Prop 64 left no felony possession (misdemeanor; infraction under 18)',
  reducedLevel: MISDEMEANOR_OR_INFRACTION_BY_AGE,
})

export const P64_11357A_01 = rule({
  id: 'P64-11357A-01',
  layer: 'statute',
  outcome: 'review',
  citation: 'HS 11361.8(e)–(f); HS 11362.1(a)(2); HS 11357(b)(2)',
  reason:
    'Needs review: missing fact quantity. Concentrated cannabis (old 11357(a)) at 21+ is lawful if 8 g or less (dismiss) and still a misdemeanor above that (no lesser offense).',
  when: `${section('11357', 'A')} and ${AGE_21_PLUS} and not ${INFRACTION}`,
  summary: 'old 11357(a) concentrate misdemeanor at 21+: lawful only at 8 g or less (quantity not in data)',
})

export const P64_11357A_02 = rule({
  id: 'P64-11357A-02',
  layer: 'statute',
  outcome: 'review',
  citation: 'HS 11361.8(e)–(f); HS 11357(a)(2), (b)(2)',
  reason:
    'Needs review: missing fact quantity. Concentrated cannabis (old 11357(a)) at 18–20 is an infraction only at 8 g or less (redesignate as an infraction) and still a misdemeanor above that (no lesser offense).',
  when: `${section('11357', 'A')} and ${AGE_18_PLUS} and ${UNDER_21} and ${MISDEMEANOR}`,
  summary:
    'old 11357(a) concentrate misdemeanor at 18–20: an infraction only at 8 g or less (quantity not in data)',
})

export const P64_UNDER21_INFRACTION = rule({
  id: 'P64-11357-UNDER21',
  layer: 'statute',
  outcome: 'reduce',
  citation: 'HS 11361.8(e)–(f); HS 11357(a)(1)–(2), 11357(b)(1)',
  reason:
    'Redesignate as an infraction: under 21 at the offense (under 18 for concentrate), this possession is an infraction under Prop 64.',
  when: `base_section = 'HS 11357' and ((coalesce(subsection, '') = 'B' and ${UNDER_21}) or (subsection = 'A' and ${UNDER_18})) and ${MISDEMEANOR}`,
  summary: '11357(a)/(b) misdemeanor under 21 (old (a) under 18 only): now an infraction',
  reducedLevel: 'infraction',
})

export const P64_11357C_01 = rule({
  id: 'P64-11357C-01',
  layer: 'statute',
  outcome: 'not_eligible',
  citation: 'HS 11361.8(a), (e); HS 11357(b)(2)',
  reason:
    'Not eligible: possession of more than 28.5 g (old 11357(c)) at 18 or older is still a misdemeanor under Prop 64, so there is no lesser offense.',
  when: `${section('11357', 'C')} and ${AGE_18_PLUS} and ${MISDEMEANOR}`,
  interpretation:
    'Home-cultivation exception (HS 11362.1(a)(3)) is not in the data; SF dismissed these as DA policy.',
  summary: 'old 11357(c) over 28.5 g at 18+: still a misdemeanor',
})

export const P64_11357D_01 = rule({
  id: 'P64-11357D-01',
  layer: 'statute',
  outcome: 'not_eligible',
  citation: 'HS 11361.8(a), (e); HS 11357(c)',
  reason:
    'Not eligible: possession on school grounds by an adult (old 11357(d)) is still a misdemeanor under Prop 64 (new 11357(c)).',
  when: `${section('11357', 'D')} and ${AGE_18_PLUS} and ${MISDEMEANOR}`,
  interpretation: 'docs/legal-basis.md §8 item 4.',
  summary: 'old 11357(d) adult on school grounds: still a misdemeanor',
})

export const P64_11357_MINOR = rule({
  id: 'P64-11357-MINOR',
  layer: 'statute',
  outcome: 'reduce',
  citation: 'HS 11361.8(e)–(f); HS 11357(a)(1), (b)(1), (d)',
  reason:
    'Redesignate as an infraction: under 18 at the offense, cannabis possession is an infraction under Prop 64.',
  when: `base_section = 'HS 11357' and ${UNDER_18} and ${MISDEMEANOR}`,
  summary: '11357 misdemeanor under 18: now an infraction',
  reducedLevel: 'infraction',
})

export const P64_11357E_01 = rule({
  id: 'P64-11357E-01',
  layer: 'statute',
  outcome: 'reduce',
  citation: 'HS 11361.8(e)–(f); HS 11357(d)',
  reason:
    'Redesignate as an infraction: possession on school grounds by a minor (old 11357(e)) is an infraction under Prop 64.',
  when: `${section('11357', 'E')} and ${MISDEMEANOR}`,
  summary: 'old 11357(e) minor on school grounds: now an infraction',
  reducedLevel: 'infraction',
})

export const P64_11357_NOSUB = rule({
  id: 'P64-11357-NOSUB',
  layer: 'statute',
  outcome: 'review',
  citation: 'HS 11361.8(e)–(f)',
  reason:
    'Needs review: missing fact subsection. HS 11357 without a subsection (pre-1976 code or unparsed text) cannot be placed in the matrix.',
  when: `${section('11357', null)} and not ${INFRACTION}`,
  summary: '11357 with no subsection (subsection not in data)',
})

// ---- HS 11358 cultivation ------------------------------------------------------------------------
export const P64_11358_MISD = rule({
  id: 'P64-11358-MISD',
  layer: 'statute',
  outcome: 'review',
  citation: 'HS 11361.8(e)–(f); HS 11358(b)–(c); HS 11362.1(a)(3)',
  reason:
    'Needs review: missing fact plant count. A misdemeanor cultivation at 18+ is lawful at 21+ with 6 plants or fewer (dismiss), an infraction at 18–20 with 6 or fewer, and still a misdemeanor above 6.',
  when: `${section('11358')} and ${MISDEMEANOR} and ${AGE_18_PLUS}`,
  summary: '11358 misdemeanor at 18+: plant count decides (not in data)',
})

// ---- HS 11359 possession for sale ----------------------------------------------------------------
export const P64_11359_MISD = rule({
  id: 'P64-11359-MISD',
  layer: 'statute',
  outcome: 'not_eligible',
  citation: 'HS 11361.8(a), (e); HS 11359(b)',
  reason:
    'Not eligible: a misdemeanor possession for sale at 18 or older is still a misdemeanor under Prop 64 (11359(b)); there is no lesser offense.',
  when: `${section('11359')} and ${MISDEMEANOR} and ${AGE_18_PLUS}`,
  summary: '11359 misdemeanor at 18+: still 11359(b)',
})

// ---- HS 11360 sale, transport, gift --------------------------------------------------------------
export const P64_11360B_01 = rule({
  id: 'P64-11360B-01',
  layer: 'statute',
  outcome: 'dismiss',
  citation: 'HS 11361.8(e)–(f); HS 11362.1(a)(1)',
  reason:
    'Dismiss and seal: giving away or transporting 28.5 g or less (old 11360(b)) at 21 or older is lawful under Prop 64.',
  when: `${section('11360', 'B')} and not ${FELONY} and ${AGE_21_PLUS}`,
  interpretation: 'docs/legal-basis.md §8 item 5: 11360(b) stayed a misdemeanor until Prop 64.',
  summary: 'old 11360(b) (28.5 g or less) at 21+: lawful',
})

export const P64_11360B_02 = rule({
  id: 'P64-11360B-02',
  layer: 'statute',
  outcome: 'reduce',
  citation: 'HS 11361.8(e)–(f); HS 11360(b)',
  reason:
    'Redesignate as an infraction: under 21 at the offense, this conduct is an infraction under Prop 64 (11360(b)).',
  when: `${section('11360', 'B')} and ${MISDEMEANOR} and ${UNDER_21}`,
  summary: 'old 11360(b) misdemeanor under 21: now an infraction',
  reducedLevel: 'infraction',
})

export const P64_11360_MISD = rule({
  id: 'P64-11360-MISD',
  layer: 'statute',
  outcome: 'review',
  citation: 'HS 11361.8(e)–(f); HS 11360(a)(2); HS 11362.1(a)(1)',
  reason:
    'Needs review: missing facts sale or gift, amount, recipient age. A misdemeanor 11360 at 18+ is lawful if a gift of 28.5 g or less to an adult at 21+ (dismiss), and still a misdemeanor if a sale.',
  when: `${section('11360')} and coalesce(subsection, '') in ('', 'A', 'C') and ${MISDEMEANOR} and ${AGE_18_PLUS}`,
  summary: '11360(a) misdemeanor at 18+: sale vs gift decides (not in data)',
})

// ---- Felonies of 11358/11359/11360 that passed the disqualifiers ---------------------------------------
export const P64_FELONY_REDUCE = rule({
  id: 'P64-FEL-REDUCE',
  layer: 'statute',
  outcome: 'reduce',
  citation: 'HS 11361.8(e)–(f); HS 11358(c), 11359(b), 11360(a)(2)',
  reason:
    'Redesignate as a misdemeanor (an infraction if under 18): with no prior super-strike, PC 290(c) offense or two same-section priors, Prop 64 makes this a misdemeanor. Facts that would keep a felony (sale to a minor, environmental harm, interstate) are not in the data and the People bear that burden (11361.8(f)). Dismissal would need facts the data lacks (6 plants or fewer, a gift at 21+).',
  when: `base_section in ('HS 11358', 'HS 11359', 'HS 11360') and ${FELONY}`,
  interpretation:
    'docs/legal-basis.md §8 items 1–2: the statutory floor is reduce; dismissal needs facts from DA files.',
  summary:
    'felony 11358/11359/11360 with no record fact that keeps a felony: misdemeanor (infraction under 18)',
  reducedLevel: MISDEMEANOR_OR_INFRACTION_BY_AGE,
})

// ---- Minors: every Prop 64 offense by a person under 18 is an infraction -----------------------------
export const P64_MINOR_REDUCE = rule({
  id: 'P64-MINOR-REDUCE',
  layer: 'statute',
  outcome: 'reduce',
  citation: 'HS 11361.8(e)–(f); HS 11357–11360 as amended (under-18 tiers)',
  reason:
    'Redesignate as an infraction: under 18 at the offense, Prop 64 makes this cannabis offense an infraction.',
  when: `base_section in ('HS 11358', 'HS 11359', 'HS 11360') and ${UNDER_18} and ${MISDEMEANOR}`,
  summary: '11358/11359/11360 misdemeanor under 18: now an infraction',
  reducedLevel: 'infraction',
})

// ---- Infractions that stay infractions ---------------------------------------------------------------
export const P64_INFRACTION = rule({
  id: 'P64-INFRACTION',
  layer: 'statute',
  outcome: 'not_eligible',
  citation: 'HS 11361.8(a), (e)',
  reason:
    'Not eligible: already an infraction, and Prop 64 does not make this conduct lawful at this age, so there is no lesser offense.',
  when: `${INFRACTION} and not (${AGE_21_PLUS} and (${section('11357', 'B')} or ${section('11360', 'B')}))`,
  summary: 'an infraction that is still an infraction at this age',
})

// ---- Anything the matrix does not place --------------------------------------------------------------
export const P64_REVIEW_99 = rule({
  id: 'P64-REVIEW-99',
  layer: 'statute',
  outcome: 'review',
  citation: 'HS 11361.8(b), (f)',
  reason:
    'Needs review: this combination of section, subsection, level and age is not one the offense matrix decides.',
  when: `true`,
  summary: 'anything the matrix does not place',
})
