import { rule } from '../rule.ts'

/** Rules that decide before the offense matrix: data the rules need, qualifiers, and timing. */

export const P64_DATA_01 = rule({
  id: 'P64-DATA-01',
  layer: 'statute',
  outcome: 'review',
  citation: 'HS 11361.8(a), (e)',
  reason:
    'Needs review: the conviction date is missing or unreadable, so the count cannot be placed before or after Prop 64.',
  when: `conviction_date is null`,
})

export const P64_SCOPE_02 = rule({
  id: 'P64-SCOPE-02',
  layer: 'statute',
  outcome: 'not_eligible',
  citation: 'People v. Medina (2018) 24 Cal.App.5th 61; HS 11361.8(a), (e)',
  reason:
    'Not eligible under HS 11361.8: a conspiracy (PC 182) is not one of the listed sections; a PC 17(b)(3) reduction is a separate, discretionary remedy.',
  when: `is_conspiracy`,
})

export const P64_SCOPE_03 = rule({
  id: 'P64-SCOPE-03',
  layer: 'statute',
  outcome: 'review',
  citation: 'HS 11361.8(a), (e); PC 664',
  reason:
    'Needs review: attempted offense (PC 664). No appellate decision settles whether attempts are covered; the substance test favours relief.',
  when: `is_attempt`,
  interpretation: 'legal-verify item 3: attempts go to review rather than being treated as the base offense.',
})

export const P64_TIME_01 = rule({
  id: 'P64-TIME-01',
  layer: 'statute',
  outcome: 'not_eligible',
  citation: 'HS 11361.8(a), (e) ("had this Act been in effect at the time of the offense")',
  reason:
    'Not eligible: the offense was committed on or after 2016-11-09 (by its date, or by a CJIS code that exists only under Prop 64), so it was already charged and sentenced under Prop 64.',
  when: `offense_era = 'after'`,
})

export const P64_TIME_02 = rule({
  id: 'P64-TIME-02',
  layer: 'statute',
  outcome: 'review',
  citation: 'HS 11361.8(a), (e); People v. Lin (2018) 26 Cal.App.5th Supp. 10',
  reason:
    'Needs review: convicted on or after 2016-11-09 and the offense date is missing or unreadable, so it is unknown whether the old law applied.',
  when: `offense_era = 'unknown' and conviction_date is not null`,
})

export const P64_SCOPE_04 = rule({
  id: 'P64-SCOPE-04',
  layer: 'statute',
  outcome: 'review',
  citation: 'HS 11361.8(a), (e); HS 11362.1–11362.4',
  reason:
    'Needs review: a conviction under HS 11362.1–11362.4 (conduct Prop 64 made lawful or an infraction) is decided case by case.',
  when: `section in ('11362.1', '11362.2', '11362.3', '11362.4')`,
})

export const P64_DATA_03 = rule({
  id: 'P64-DATA-03',
  layer: 'statute',
  outcome: 'review',
  citation: 'HS 11361.8(e)–(f)',
  reason:
    'Needs review: the conviction level is not recorded (CONV_STAT_DESCR and OFFENSE_TOC are blank), and the relief depends on it.',
  when: `conviction_level is null`,
})
