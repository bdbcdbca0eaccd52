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
  summary: 'conviction date missing or unreadable',
})

export const P64_SCOPE_02 = rule({
  id: 'P64-SCOPE-02',
  layer: 'statute',
  outcome: 'not_eligible',
  citation: 'People v. Medina (2018) 24 Cal.App.5th 61; HS 11361.8(a), (e)',
  reason:
    'Not eligible under HS 11361.8: a conspiracy (PC 182; DOJ qualifier EB–EG or 182) is not one of the listed sections, and no policy can make it Prop 64 relief. A PC 17(b)(3) reduction or a PC 1385 dismissal is a separate, discretionary remedy.',
  when: `is_conspiracy`,
  summary: 'conspiracy (PC 182; qualifier EB–EG or 182), in every layer: *People v. Medina*',
})

export const P64_SCOPE_05 = rule({
  id: 'P64-SCOPE-05',
  layer: 'statute',
  outcome: 'review',
  citation: 'People v. Boatwright (2019) 36 Cal.App.5th 848; HS 11361.8(a), (e); PC 32',
  reason:
    'Needs review: accessory after the fact (PC 32; DOJ qualifier CS or a PC 32 conviction) tied to a Prop 64 offense. It is not categorically outside HS 11361.8: if Prop 64 leaves no felony to be an accessory to, relief may follow (Boatwright).',
  when: `is_accessory`,
  summary:
    'PC 32 accessory tied to a Prop 64 offense (qualifier CS, or a PC 32 count in a Prop 64 cycle): *People v. Boatwright*',
})

export const P64_SCOPE_03 = rule({
  id: 'P64-SCOPE-03',
  layer: 'statute',
  outcome: 'review',
  citation: 'HS 11361.8(a), (e); PC 664',
  reason:
    'Needs review: attempted offense (PC 664; DOJ qualifier AB, BI–BL or 664, or EH: federal attempt or conspiracy). No appellate decision settles whether attempts are covered; the substance test favours relief.',
  when: `is_attempt`,
  summary: 'attempt (PC 664; qualifier AB, BI–BL, 664; EH read as attempt): unsettled',
  interpretation:
    'docs/legal-basis.md §8 item 3: attempts go to review rather than being treated as the base offense.',
})

export const P64_TIME_01 = rule({
  id: 'P64-TIME-01',
  layer: 'statute',
  outcome: 'not_eligible',
  citation: 'HS 11361.8(a), (e) ("had this Act been in effect at the time of the offense")',
  reason:
    'Not eligible: the offense was committed on or after 2016-11-09 (by its date, or by a CJIS code that exists only under Prop 64), so it was already charged and sentenced under Prop 64.',
  when: `offense_era = 'after'`,
  summary: 'offense on or after 2016-11-09, or date unknown and a Prop 64-only code or subsection',
})

export const P64_TIME_03 = rule({
  id: 'P64-TIME-03',
  layer: 'statute',
  outcome: 'not_eligible',
  citation:
    'HS 11361.8(a), (e); In re Estrada (1965) 63 Cal.2d 740; People v. Lin (2018) 26 Cal.App.5th Supp. 10; CJIS code table',
  reason:
    'Not eligible: convicted under a CJIS code or subsection that exists only under Prop 64 (e.g. 35431, 35437, 35448, 35452, 35453; 11358(C)/(D), 11359(C)/(D), 11360(A)(2)/(3)), so it was already sentenced under Prop 64 whatever the arrest date says; there is no lesser offense to redesignate to.',
  when: `charged_under_new_law`,
  summary: 'Prop 64-only CJIS code or subsection, whatever CYC_DATE says (already sentenced under Prop 64)',
  interpretation:
    'A pending case on 2016-11-09 got the new law directly (Estrada, Lin); the code it was convicted under says so even when the cycle date is earlier.',
})

export const P64_TIME_04 = rule({
  id: 'P64-TIME-04',
  layer: 'statute',
  outcome: 'review',
  citation: 'HS 11361.8(a), (e); CJIS code table',
  reason:
    'Needs review (code_date_conflict): the CJIS code or subsection and the dates disagree (an old-law-only code with an arrest on or after 2016-11-09 or on a Prop 64 subsection, or a Prop 64-only code on a conviction entered before 2016-11-09). Which law the count was decided under must be read from the court file.',
  when: `law_conflict`,
  summary:
    'code and dates disagree (old-law-only code after 2016-11-08, Prop 64-only code before 2016-11-09)',
})

export const P64_TIME_02 = rule({
  id: 'P64-TIME-02',
  layer: 'statute',
  outcome: 'review',
  citation: 'HS 11361.8(a), (e); People v. Lin (2018) 26 Cal.App.5th Supp. 10',
  reason:
    'Needs review: convicted on or after 2016-11-09 and the offense date is missing or unreadable, so it is unknown whether the old law applied.',
  when: `offense_era = 'unknown' and conviction_date is not null`,
  summary: 'offense date unknown and conviction on or after 2016-11-09',
})

export const P64_SCOPE_04 = rule({
  id: 'P64-SCOPE-04',
  layer: 'statute',
  outcome: 'review',
  citation: 'HS 11361.8(a), (e); HS 11362.1–11362.4',
  reason:
    'Needs review: a conviction under HS 11362.1–11362.4 (conduct Prop 64 made lawful or an infraction) is decided case by case.',
  when: `code_type = 'HS' and section in ('11362.1', '11362.2', '11362.3', '11362.4')`,
  summary: 'HS 11362.1–11362.4 convictions',
})

export const P64_DATA_03 = rule({
  id: 'P64-DATA-03',
  layer: 'statute',
  outcome: 'review',
  citation: 'HS 11361.8(e)–(f)',
  reason:
    'Needs review: the conviction level is not recorded (CONV_STAT_DESCR and OFFENSE_TOC are blank), and the relief depends on it.',
  when: `conviction_level is null`,
  summary: 'no conviction level recorded',
})
