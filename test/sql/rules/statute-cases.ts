/**
 * Hand-made legal cases for the statute layer: each names the rule that must decide, the outcome, and the
 * authority that decides it. Ages are set through the DOB; the as-of date is 2026-01-01.
 */
import { conviction, dojRow, type ConvictionSpec } from '../../helpers/doj-fixture.ts'
import type { DojRow } from '../../../data-contracts/doj-extract.contract.ts'

export interface StatuteCase {
  title: string
  authority: string
  rows: DojRow[]
  subject: string
  cnt: string
  outcome: 'dismiss' | 'reduce' | 'not_eligible' | 'review'
  ruleId: string
  remedy?: string
  /** For a reduce case: what the redesignation asks for (checked on every reduce row). */
  reducedLevel?: 'misdemeanor' | 'infraction'
}

let n = 0
/** A case about one count; `priors` are other rows of the same person. */
function c(
  title: string,
  authority: string,
  spec: Omit<ConvictionSpec, 'subject' | 'cnt'>,
  outcome: StatuteCase['outcome'],
  ruleId: string,
  extra: (subject: string) => DojRow[] = () => [],
  remedy?: string,
): StatuteCase {
  const subject = String(900000 + ++n)
  const cnt = '009001001000'
  return {
    title,
    authority,
    subject,
    cnt,
    outcome,
    ruleId,
    remedy,
    rows: [...extra(subject), ...conviction({ subject, cnt, ...spec })],
  }
}

const felony = { level: 'FELONY' as const, toc: 'F' as const }
const misd = { level: 'MISDEMEANOR' as const, toc: 'M' as const }
const infr = { level: 'INFRACTION' as const, toc: 'I' as const }
const prior = (
  subject: string,
  cnt: string,
  offense: string,
  convicted: string,
  level: { level: 'FELONY' | 'MISDEMEANOR'; toc: 'F' | 'M' } = felony,
) => conviction({ subject, cnt, offense, convicted, ...level })

/** The same case with extra DOJ fields on the count's own rows (CYC_AGE, CONV_OFFENSE_DESCR …). */
function patched(k: StatuteCase, fields: Partial<DojRow>): StatuteCase {
  return {
    ...k,
    rows: k.rows.map((r) => (r.SUBJECT_ID === k.subject && r.CNT_ORDER === k.cnt ? { ...r, ...fields } : r)),
  }
}

/** A PC 290 REGISTRATION step ('' = undated). */
const registration = (subject: string, date: string) =>
  dojRow({
    SUBJECT_ID: subject,
    PRI_DOB: '19600101',
    CNT_ORDER: '001002001000',
    STP_TYPE_DESCR: 'REGISTRATION',
    STP_EVENT_DATE: date,
    CYC_DATE: date,
    OFFENSE_DESCR: '290 PC-REGISTRATION OF SEX OFFENDER',
  })

export const STATUTE_CASES: StatuteCase[] = [
  // ---- timing ---------------------------------------------------------------------------------------------
  c(
    'offense after 2016-11-09 was sentenced under Prop 64 already',
    'HS 11361.8(a),(e)',
    {
      offense: '11359(B) HS-POSS MARIJUANA FOR SALE',
      offenseDate: '20170301',
      convicted: '20170601',
      ...misd,
    },
    'not_eligible',
    'P64-TIME-01',
  ),
  c(
    'offense before, conviction after 2016-11-09: judged under the old law',
    'legal-verify item 6; People v. Lin',
    {
      offense: '11359 HS-POSS MARIJUANA FOR SALE',
      offenseDate: '20160901',
      convicted: '20170115',
      ...felony,
    },
    'reduce',
    'P64-FEL-REDUCE',
  ),
  c(
    'offense date missing, conviction after 2016-11-09 → review',
    'legal-verify item 6(4)',
    { offense: '11359 HS-POSS MARIJUANA FOR SALE', offenseDate: '', convicted: '20170301', ...felony },
    'review',
    'P64-TIME-02',
  ),
  c(
    'offense date missing, conviction before 2016-11-09 → decided on the conviction date',
    'HS 11361.8(e)',
    { offense: '11359 HS-POSS MARIJUANA FOR SALE', offenseDate: '', convicted: '20150301', ...felony },
    'reduce',
    'P64-FEL-REDUCE',
  ),
  c(
    'offense date missing, CJIS code exists only under Prop 64 (35451) → sentenced under Prop 64',
    'HS 11361.8(a),(e); CJIS code table',
    {
      offense: '11359(B) HS-POSS MARIJUANA FOR SALE',
      offenseDate: '',
      convicted: '20170301',
      code: '35451',
      ...misd,
    },
    'not_eligible',
    'P64-TIME-01',
  ),
  c(
    'offense date missing, old-law CJIS code (35127) on a 2017 conviction → judged under the old law',
    'legal-verify item 6(2)',
    {
      offense: '11359 HS-POSS MARIJUANA FOR SALE',
      offenseDate: '',
      convicted: '20170301',
      code: '35127',
      ...felony,
    },
    'reduce',
    'P64-FEL-REDUCE',
  ),
  c(
    'unreadable conviction date → review, the count still appears',
    'HS 11361.8(a),(e)',
    {
      offense: '11359 HS-POSS MARIJUANA FOR SALE',
      offenseDate: '20150101',
      convicted: '20151345',
      ...felony,
    },
    'review',
    'P64-DATA-01',
  ),
  // ---- qualifiers and scope -------------------------------------------------------------------------------
  c(
    'conspiracy (PC 182) to sell is not a listed section',
    'People v. Medina (2018) 24 Cal.App.5th 61',
    { offense: '11359 HS-POSS MARIJUANA FOR SALE', convicted: '20100301', qualifiers: '182', ...felony },
    'not_eligible',
    'P64-SCOPE-02',
  ),
  c(
    'attempt (PC 664) is unsettled → review',
    'legal-verify item 3',
    { offense: '11359 HS-POSS MARIJUANA FOR SALE', convicted: '20100301', qualifiers: '664', ...felony },
    'review',
    'P64-SCOPE-03',
  ),
  c(
    'HS 11362.3 conviction is decided case by case',
    'HS 11361.8(a); 11362.1–11362.4',
    { offense: '11362.3 HS-SMOKE MARIJUANA IN PUBLIC', convicted: '20150301', ...infr },
    'review',
    'P64-SCOPE-04',
  ),
  c(
    'no conviction level recorded → review',
    'HS 11361.8(e)-(f)',
    { offense: '11357(B) HS-POSSESS MARIJUANA', convicted: '20050301', level: '', toc: '' },
    'review',
    'P64-DATA-03',
  ),
  c(
    'charge read from COMMENT_TEXT when OFFENSE_DESCR says SEE COMMENT FOR CHARGE',
    'HS 11362.1(a)(1)',
    {
      offense: 'SEE COMMENT FOR CHARGE',
      comment: '11357(B) HS-POSSESS MARIJUANA, UNDER 1 OZ',
      convicted: '20050301',
      ...misd,
    },
    'dismiss',
    'P64-11357B-01',
  ),
  // ---- date of birth --------------------------------------------------------------------------------------
  c(
    'unreadable DOB where age decides (11357(b)) → review',
    'HS 11362.1; 11357(a)',
    { offense: '11357(B) HS-POSSESS MARIJUANA', convicted: '20050301', dob: '19751345', ...misd },
    'review',
    'P64-DATA-02',
  ),
  c(
    'unreadable DOB where age does not decide (felony 11359) → decided',
    'HS 11359(b)',
    { offense: '11359 HS-POSS MARIJUANA FOR SALE', convicted: '20050301', dob: '19751345', ...felony },
    'reduce',
    'P64-FEL-REDUCE',
  ),
  // ---- disqualifiers ---------------------------------------------------------------------------------------
  c(
    'super-strike (PC 187) convicted before the offense keeps a felony 11359 a felony',
    'HS 11359(c)(1); PC 667(e)(2)(C)(iv)(IV)',
    {
      offense: '11359 HS-POSS MARIJUANA FOR SALE',
      convicted: '20050601',
      offenseDate: '20050101',
      ...felony,
    },
    'not_eligible',
    'P64-DQ-01',
    (s) => prior(s, '001001001000', '187 PC-MURDER', '19950301'),
  ),
  c(
    'attempted murder (187 with a 664 qualifier) is a super-strike (clause IV)',
    'PC 667(e)(2)(C)(iv)(IV)',
    {
      offense: '11359 HS-POSS MARIJUANA FOR SALE',
      convicted: '20050601',
      offenseDate: '20050101',
      ...felony,
    },
    'not_eligible',
    'P64-DQ-01',
    (s) =>
      conviction({
        subject: s,
        cnt: '001001001000',
        offense: '187 PC-MURDER',
        convicted: '19950301',
        qualifiers: '664',
        ...felony,
      }),
  ),
  c(
    'an attempted life offense (209 with a 664 qualifier) is not punishable by life: no super-strike',
    'PC 667(e)(2)(C)(iv)(VIII)',
    {
      offense: '11359 HS-POSS MARIJUANA FOR SALE',
      convicted: '20050601',
      offenseDate: '20050101',
      ...felony,
    },
    'reduce',
    'P64-FEL-REDUCE',
    (s) =>
      conviction({
        subject: s,
        cnt: '001001001000',
        offense: '209(A) PC-KIDNAP FOR RANSOM',
        convicted: '19950301',
        qualifiers: '664',
        ...felony,
      }),
  ),
  c(
    'a section with a letter suffix (288A(C)) is parsed and matched as a 290(c) offense',
    'PC 290(c); former PC 288a; HS 11359(c)(1)',
    {
      offense: '11359 HS-POSS MARIJUANA FOR SALE',
      convicted: '20050601',
      offenseDate: '20050101',
      ...felony,
    },
    'not_eligible',
    'P64-DQ-02',
    (s) => prior(s, '001001001000', '288A(B)(1) PC-ORAL COPULATION W/PERSON UNDER 18', '19950301'),
  ),
  c(
    'super-strike convicted after the offense does not count',
    'People v. Smit (2018) 24 Cal.App.5th 596',
    {
      offense: '11359 HS-POSS MARIJUANA FOR SALE',
      convicted: '20050601',
      offenseDate: '20050101',
      ...felony,
    },
    'reduce',
    'P64-FEL-REDUCE',
    (s) => prior(s, '010001001000', '187 PC-MURDER', '20100301'),
  ),
  c(
    'super-strike in the same case does not count',
    'People v. Smit (2018) 24 Cal.App.5th 596',
    { offense: '11360(A) HS-SELL MARIJUANA', convicted: '20050601', offenseDate: '20050101', ...felony },
    'reduce',
    'P64-FEL-REDUCE',
    (s) => prior(s, '009001002000', '187 PC-MURDER', '20050601'),
  ),
  c(
    'super-strike prior does not affect a possession count',
    'HS 11357 has no felony tier',
    { offense: '11357(A) HS-POSS CONCENTRATE CANNABIS', convicted: '20050601', ...felony },
    'reduce',
    'P64-11357-FEL',
    (s) => prior(s, '001001001000', '187 PC-MURDER', '19950301'),
  ),
  c(
    'PC 290(c) offense (314(1)) before the offense keeps a felony 11359 a felony',
    'HS 11359(c)(1); PC 290(c)',
    { offense: '11359 HS-POSS MARIJUANA FOR SALE', convicted: '20010601', ...felony },
    'not_eligible',
    'P64-DQ-02',
    (s) => prior(s, '001001001000', '314(1) PC-INDECENT EXPOSURE', '19950301', misd),
  ),
  c(
    '288(a) (lewd act, child under 14) is a super-strike as well as a 290(c) offense',
    'PC 667(e)(2)(C)(iv)(III); HS 11359(c)(1)',
    { offense: '11359 HS-POSS MARIJUANA FOR SALE', convicted: '20010601', ...felony },
    'not_eligible',
    'P64-DQ-01',
    (s) => prior(s, '001001001000', '288(A) PC-LEWD ACT WITH CHILD', '19950301'),
  ),
  c(
    'issue 10 pt 4: PC 290 registration step before the offense, registrable conviction not in the record → review (11358: plants too)',
    'HS 11358(d)(1); PC 290(c); HS 11361.8(f)',
    { offense: '11358 HS-CULTIVATE MARIJUANA', convicted: '20030601', ...felony },
    'review',
    'P64-DQ-04',
    (s) => [
      dojRow({
        SUBJECT_ID: s,
        PRI_DOB: '19600101',
        CNT_ORDER: '001002001000',
        STP_TYPE_DESCR: 'REGISTRATION',
        STP_EVENT_DATE: '19990101',
        CYC_DATE: '19990101',
        OFFENSE_DESCR: '290 PC-REGISTRATION OF SEX OFFENDER',
      }),
    ],
  ),
  c(
    'two earlier adult 11359 convictions before the offense → review (possible_two_priors)',
    'HS 11359(c)(2); legal-verify item 1',
    {
      offense: '11359 HS-POSS MARIJUANA FOR SALE',
      convicted: '20000601',
      offenseDate: '20000101',
      ...felony,
    },
    'review',
    'P64-DQ-03',
    (s) => [
      ...prior(s, '001001001000', '11359 HS-POSS MARIJUANA FOR SALE', '19900301'),
      ...prior(s, '002001001000', '11359 HS-POSS MARIJUANA FOR SALE', '19950301'),
    ],
  ),
  c(
    'one same-section prior (the other is 11360) is not two priors',
    'HS 11359(c)(2): same section only',
    {
      offense: '11359 HS-POSS MARIJUANA FOR SALE',
      convicted: '20000601',
      offenseDate: '20000101',
      ...felony,
    },
    'reduce',
    'P64-FEL-REDUCE',
    (s) => [
      ...prior(s, '001001001000', '11359 HS-POSS MARIJUANA FOR SALE', '19900301'),
      ...prior(s, '002001001000', '11360(A) HS-SELL MARIJUANA', '19950301'),
    ],
  ),
  c(
    'priors for conduct under 18 do not count toward two priors',
    'HS 11359(c)(2): priors under (b), 18+',
    {
      offense: '11359 HS-POSS MARIJUANA FOR SALE',
      convicted: '20000601',
      offenseDate: '20000101',
      dob: '19800101',
      ...felony,
    },
    'reduce',
    'P64-FEL-REDUCE',
    (s) => [
      ...conviction({
        subject: s,
        cnt: '001001001000',
        offense: '11359 HS-POSS MARIJUANA FOR SALE',
        convicted: '19950301',
        dob: '19800101',
        ...felony,
      }),
      ...conviction({
        subject: s,
        cnt: '002001001000',
        offense: '11359 HS-POSS MARIJUANA FOR SALE',
        convicted: '19970301',
        dob: '19800101',
        ...felony,
      }),
    ],
  ),
  // ---- 11357 possession -----------------------------------------------------------------------------------
  c(
    '11357(b) at 21+ is lawful now → dismiss',
    'HS 11362.1(a)(1); 11361.8(e)',
    { offense: '11357(B) HS-POSSESS MARIJUANA', convicted: '20050301', ...misd },
    'dismiss',
    'P64-11357B-01',
    undefined,
    'dismiss_and_seal',
  ),
  c(
    '11357(b) infraction at 21+ → dismiss',
    'HS 11362.1(a)(1)',
    { offense: '11357(B) HS-POSSESS MARIJUANA 28.5 GRAMS OR L', convicted: '20120301', ...infr },
    'dismiss',
    'P64-11357B-01',
  ),
  c(
    '11357(b) misdemeanor at 19 → infraction',
    'HS 11357(a)(2)',
    { offense: '11357(B) HS-POSSESS MARIJUANA', convicted: '20050301', dob: '19860101', ...misd },
    'reduce',
    'P64-11357-UNDER21',
  ),
  c(
    '11357(b) infraction at 19 stays an infraction → not eligible',
    'HS 11357(a)(2)',
    { offense: '11357(B) HS-POSSESS MARIJUANA', convicted: '20120301', dob: '19930101', ...infr },
    'not_eligible',
    'P64-INFRACTION',
  ),
  c(
    '11357(a) felony (concentrate) → at least a misdemeanor',
    'HS 11357(b)(2); legal-notes §1.3',
    { offense: '11357(A) HS-POSS CONCENTRATE CANNABIS', convicted: '20050301', ...felony },
    'reduce',
    'P64-11357-FEL',
  ),
  c(
    '11357(a) misdemeanor at 21+ turns on quantity → review',
    'HS 11362.1(a)(2)',
    { offense: '11357(A) HS-POS CONCENTRATED CANNABIS', convicted: '20150301', ...misd },
    'review',
    'P64-11357A-01',
  ),
  c(
    'issue 10 pt 3: old 11357(a) concentrate misdemeanor at 20 is an infraction only at 8 g or less → review on quantity',
    'HS 11357(a)(2), (b)(2)',
    { offense: '11357(A) HS-POS CONCENTRATED CANNABIS', convicted: '20150301', dob: '19950101', ...misd },
    'review',
    'P64-11357A-02',
  ),
  c(
    '11357(c) over 28.5 g at 18+ is still a misdemeanor → not eligible',
    'HS 11357(b)(2)',
    { offense: '11357(C) HS-POSSESS MARIJUANA OVER 28.5 GRAM', convicted: '20050301', ...misd },
    'not_eligible',
    'P64-11357C-01',
  ),
  c(
    '11357(c) by a 16-year-old → infraction',
    'HS 11357(b)(1)',
    {
      offense: '11357(C) HS-POSSESS MARIJUANA OVER 28.5 GRAM',
      convicted: '20050301',
      dob: '19890101',
      ...misd,
    },
    'reduce',
    'P64-11357-MINOR',
  ),
  c(
    '11357(d) adult on school grounds is still a misdemeanor → not eligible',
    'HS 11357(c); legal-verify item 4',
    { offense: '11357(D) HS-ADULT POSSESS MARIJUANA ON GROUNDS', convicted: '20050301', ...misd },
    'not_eligible',
    'P64-11357D-01',
  ),
  c(
    '11357(e) minor on school grounds → infraction',
    'HS 11357(d); legal-verify item 4',
    {
      offense: '11357(E) HS-MINOR POSSESS MARIJUANA ON GROUNDS',
      convicted: '20050301',
      dob: '19890101',
      ...misd,
    },
    'reduce',
    'P64-11357E-01',
  ),
  c(
    '11357 with no subsection → review',
    'legal-notes §1.3',
    { offense: '11357 HS-POSSESS MARIJUANA/HASHISH', convicted: '19740301', dob: '19400101', ...misd },
    'review',
    'P64-11357-NOSUB',
  ),
  // ---- 11358 cultivation ----------------------------------------------------------------------------------
  c(
    '11358 felony → misdemeanor',
    'HS 11358(c)',
    { offense: '11358 HS-PLANT/ETC MARIJUANA', convicted: '20080301', ...felony },
    'reduce',
    'P64-FEL-REDUCE',
    undefined,
    'redesignate',
  ),
  c(
    '11358 misdemeanor at 18+ turns on plant count → review',
    'HS 11358(b)-(c); 11362.1(a)(3)',
    { offense: '11358 HS-CULTIVATE MARIJUANA', convicted: '20080301', ...misd },
    'review',
    'P64-11358-MISD',
  ),
  c(
    '11358 felony by a 17-year-old → infraction',
    'HS 11358(a)',
    { offense: '11358 HS-CULTIVATE MARIJUANA', convicted: '20050301', dob: '19880101', ...felony },
    'reduce',
    'P64-FEL-REDUCE',
  ),
  // ---- 11359 possession for sale ------------------------------------------------------------------------------
  c(
    '11359 misdemeanor at 18+ is still 11359(b) → not eligible',
    'HS 11359(b)',
    { offense: '11359 HS-POSS MARIJUANA FOR SALE', convicted: '20080301', ...misd },
    'not_eligible',
    'P64-11359-MISD',
  ),
  c(
    '11359 misdemeanor by a 16-year-old → infraction',
    'HS 11359(a)',
    { offense: '11359 HS-POSS MARIJUANA FOR SALE', convicted: '20050301', dob: '19890101', ...misd },
    'reduce',
    'P64-MINOR-REDUCE',
  ),
  c(
    '11359 felony with a sentence still running on the as-of date → recall and resentence',
    'HS 11361.8(a)-(b)',
    {
      offense: '11359 HS-POSS MARIJUANA FOR SALE',
      convicted: '20150601',
      offenseDate: '20150101',
      ...felony,
      sentence: [
        { kind: 'JAIL', length: '90', unit: 'D' },
        { kind: 'PROBATION', length: '15', unit: 'Y' },
      ],
    },
    'reduce',
    'P64-FEL-REDUCE',
    undefined,
    'recall_and_resentence',
  ),
  // ---- 11360 sale/transport/gift --------------------------------------------------------------------------
  c(
    '11360(a) felony → misdemeanor (sale vs gift unknown; floor)',
    'HS 11360(a)(2); legal-verify item 2',
    { offense: '11360(A) HS-SELL MARIJUANA', convicted: '20080301', ...felony },
    'reduce',
    'P64-FEL-REDUCE',
  ),
  c(
    '11360(a) misdemeanor at 18+ turns on sale vs gift → review',
    'HS 11360(a)(2); 11362.1',
    { offense: '11360(A) HS-SELL MARIJUANA', convicted: '20080301', ...misd },
    'review',
    'P64-11360-MISD',
  ),
  c(
    '11360(b) at 21+ → dismiss',
    'HS 11362.1(a)(1); legal-verify item 5',
    { offense: '11360(B) HS-GIVE/TRANSPORT MARIJUANA', convicted: '20080301', ...misd },
    'dismiss',
    'P64-11360B-01',
  ),
  c(
    '11360(b) at 19 → infraction',
    'HS 11360(b); legal-verify item 5',
    { offense: '11360(B) HS-GIVE/TRANSPORT MARIJUANA', convicted: '20080301', dob: '19890101', ...misd },
    'reduce',
    'P64-11360B-02',
  ),
  // ---- fallback ---------------------------------------------------------------------------------------------
  c(
    'a subsection the matrix does not know → review',
    'HS 11361.8(b),(f)',
    { offense: '11357(F) HS-POSSESS MARIJUANA', convicted: '20080301', ...misd },
    'review',
    'P64-REVIEW-99',
  ),
  // ==== issue 10 ============================================================================================
  // ---- pt 1: codes and subsections that exist only after Prop 64 -------------------------------------------
  c(
    'issue 10 pt 1: CJIS 35431 (new 11357(B) misdemeanor) with a pre-Prop 64 arrest date → sentenced under Prop 64 already',
    'In re Estrada; People v. Lin (2018) 26 Cal.App.5th Supp. 10; HS 11361.8(a),(e); CJIS code table',
    {
      offense: '11357(B) HS-POSS MARIJ OVER 28.5 GRAM',
      offenseDate: '20160601',
      convicted: '20170115',
      code: '35431',
      ...misd,
    },
    'not_eligible',
    'P64-TIME-03',
  ),
  c(
    'issue 10 pt 1: CJIS 35452 (new 11359(C) felony with prior) arrested 2016-10 → not eligible, not dismissed',
    'People v. Lin; HS 11359(c); CJIS code table',
    {
      offense: '11359(C) HS-POSS MARIJ FOR SALE W/PR',
      offenseDate: '20161001',
      convicted: '20170301',
      code: '35452',
      ...felony,
    },
    'not_eligible',
    'P64-TIME-03',
  ),
  c(
    'issue 10 pt 1: CJIS 35453 (new 11359(D) employing a minor) with a 2016-08 arrest → not eligible',
    'People v. Lin; HS 11359(d); CJIS code table',
    {
      offense: '11359(D) HS-EMPLOY IND -21 SELL MARIJ',
      offenseDate: '20160801',
      convicted: '20170301',
      code: '35453',
      ...felony,
    },
    'not_eligible',
    'P64-TIME-03',
  ),
  c(
    'issue 10 pt 1: CJIS 35437 (new 11358(D) felony) with a 2016 arrest → not eligible',
    'People v. Lin; HS 11358(d); CJIS code table',
    {
      offense: '11358(D) HS-CULT MARIJ 6+ PLANTS W/PR',
      offenseDate: '20160901',
      convicted: '20170501',
      code: '35437',
      ...felony,
    },
    'not_eligible',
    'P64-TIME-03',
  ),
  c(
    'issue 10 pt 1: CJIS 35448 (new 11360(A) felony with aggravator) with a 2016 arrest → not eligible',
    'People v. Lin; HS 11360(a)(3); CJIS code table',
    {
      offense: '11360(A) HS-SELL/TRNSP/ETC MARIJUANA',
      offenseDate: '20160701',
      convicted: '20170201',
      code: '35448',
      ...felony,
    },
    'not_eligible',
    'P64-TIME-03',
  ),
  c(
    'issue 10 pt 1: subsection 11359(C) (no CJIS code) with a 2016 arrest exists only under Prop 64 → not eligible',
    'People v. Lin; HS 11359(c) as enacted by Prop 64',
    {
      offense: '11359(C) HS-POSS MARIJ FOR SALE W/PR',
      offenseDate: '20160301',
      convicted: '20161201',
      ...felony,
    },
    'not_eligible',
    'P64-TIME-03',
  ),
  c(
    'issue 10 pt 1: subsection 11360(A)(2) (no CJIS code) with a 2016 arrest exists only under Prop 64 → not eligible',
    'People v. Lin; HS 11360(a)(2) as enacted by Prop 64',
    {
      offense: '11360(A)(2) HS-SELL/TRNSP/ETC MARIJUANA',
      offenseDate: '20160501',
      convicted: '20170110',
      ...misd,
    },
    'not_eligible',
    'P64-TIME-03',
  ),
  c(
    'issue 10 pt 1: subsection 11358(D) felony without a code and without an offense date → not eligible',
    'HS 11358(d) as enacted by Prop 64; legal-verify item 6(3)',
    { offense: '11358(D) HS-CULTIVATE W/PRIOR', offenseDate: '', convicted: '20180301', ...felony },
    'not_eligible',
    'P64-TIME-01',
  ),
  c(
    'issue 10 pt 1: old-law-only CJIS 35127 with an arrest after 2016-11-09 → review naming the conflict',
    'HS 11361.8(a),(e); CJIS code table (35127 valid to 2016-11-08)',
    {
      offense: '11359 HS-POSS MARIJUANA FOR SALE',
      offenseDate: '20170201',
      convicted: '20170601',
      code: '35127',
      ...felony,
    },
    'review',
    'P64-TIME-04',
  ),
  c(
    'issue 10 pt 1: Prop 64-only CJIS 35451 on a conviction entered in 2015 → review naming the conflict',
    'CJIS code table (35451 valid from 2016-11-09)',
    {
      offense: '11359(B) HS-POSS MARIJUANA FOR SALE',
      offenseDate: '20150101',
      convicted: '20150601',
      code: '35451',
      ...misd,
    },
    'review',
    'P64-TIME-04',
  ),
  // ---- pt 2: qualifiers as DOJ writes them ------------------------------------------------------------------
  c(
    'issue 10 pt 2: qualifier EB (conspiracy, PC 182(a)(1)) → not eligible',
    'People v. Medina (2018) 24 Cal.App.5th 61',
    { offense: '11359 HS-POSS MARIJUANA FOR SALE', convicted: '20100301', qualifiers: 'EB', ...felony },
    'not_eligible',
    'P64-SCOPE-02',
  ),
  c(
    'issue 10 pt 2: several qualifiers "BI EB" (attempt and conspiracy) → the conspiracy decides',
    'People v. Medina (2018) 24 Cal.App.5th 61',
    { offense: '11360(A) HS-SELL MARIJUANA', convicted: '20100301', qualifiers: 'BI EB', ...felony },
    'not_eligible',
    'P64-SCOPE-02',
  ),
  c(
    'issue 10 pt 2: concatenated qualifiers "OKEB" → conspiracy',
    'People v. Medina (2018) 24 Cal.App.5th 61',
    { offense: '11358 HS-CULTIVATE MARIJUANA', convicted: '20100301', qualifiers: 'OKEB', ...felony },
    'not_eligible',
    'P64-SCOPE-02',
  ),
  c(
    'issue 10 pt 2: digit form "PC 182(A)(1)" → conspiracy',
    'People v. Medina (2018) 24 Cal.App.5th 61',
    {
      offense: '11359 HS-POSS MARIJUANA FOR SALE',
      convicted: '20100301',
      qualifiers: 'PC 182(A)(1)',
      ...felony,
    },
    'not_eligible',
    'P64-SCOPE-02',
  ),
  c(
    'issue 10 pt 2: qualifier BI (attempt, PC 664) → review naming the attempt',
    'legal-verify item 3; PC 664',
    { offense: '11359 HS-POSS MARIJUANA FOR SALE', convicted: '20100301', qualifiers: 'BI', ...felony },
    'review',
    'P64-SCOPE-03',
  ),
  c(
    'issue 10 pt 2: qualifier BK (attempt to commit a misdemeanor, PC 664.2) on a misdemeanor → review',
    'legal-verify item 3; PC 664',
    { offense: '11360(B) HS-GIVE/TRANSPORT MARIJUANA', convicted: '20100301', qualifiers: 'BK', ...misd },
    'review',
    'P64-SCOPE-03',
  ),
  c(
    'issue 10 pt 2: digit form "664.1" → attempt, review',
    'legal-verify item 3; PC 664',
    { offense: '11358 HS-CULTIVATE MARIJUANA', convicted: '20100301', qualifiers: '664.1', ...felony },
    'review',
    'P64-SCOPE-03',
  ),
  c(
    'issue 10 pt 2: qualifier EH (21 USC 846, attempt or conspiracy) is read as an attempt → review, not a bar',
    'legal-verify item 3; HS 11361.8(b),(f) presumption',
    { offense: '11359 HS-POSS MARIJUANA FOR SALE', convicted: '20100301', qualifiers: 'EH', ...felony },
    'review',
    'P64-SCOPE-03',
  ),
  c(
    'issue 10 pt 2: qualifier CS (accessory, PC 32) on a Prop 64 count → review',
    'People v. Boatwright (2019) 36 Cal.App.5th 848',
    { offense: '11359 HS-POSS MARIJUANA FOR SALE', convicted: '20100301', qualifiers: 'CS', ...felony },
    'review',
    'P64-SCOPE-05',
  ),
  c(
    'issue 10 pt 2: a PC 32 conviction in the cycle of an 11359 arrest → review, not silently absent',
    'People v. Boatwright (2019) 36 Cal.App.5th 848',
    { offense: '32 PC-ACCESSORY', convicted: '20100301', ...felony },
    'review',
    'P64-SCOPE-05',
    (s) => [
      dojRow({
        SUBJECT_ID: s,
        PRI_DOB: '19600101',
        CNT_ORDER: '009001002000',
        STP_TYPE_DESCR: 'ARREST/DETAINED/CITED',
        CYC_DATE: '20100301',
        STP_EVENT_DATE: '20100101',
        OFFENSE_DESCR: '11359 HS-POSS MARIJUANA FOR SALE',
        OFFENSE_TOC: 'F',
      }),
    ],
  ),
  c(
    'issue 10 pt 2: qualifier OK (charge stayed) decides nothing → the offense matrix',
    'HS 11359(b); doj-qualifier-codes.csv',
    { offense: '11359 HS-POSS MARIJUANA FOR SALE', convicted: '20100301', qualifiers: 'OK', ...felony },
    'reduce',
    'P64-FEL-REDUCE',
  ),
  // ---- pt 3: no floor, no guess ---------------------------------------------------------------------------------
  c(
    'issue 10 pt 3: felony 11358 with a prior super-strike survives only above six plants → review, not not_eligible',
    'HS 11358(d)(1); HS 11362.1(a)(3); HS 11361.8(f)',
    { offense: '11358 HS-CULTIVATE MARIJUANA', convicted: '20050601', offenseDate: '20050101', ...felony },
    'review',
    'P64-DQ-04',
    (s) => prior(s, '001001001000', '187 PC-MURDER', '19950301'),
  ),
  c(
    'issue 10 pt 3: felony 11360(a) with a prior PC 290(c) offense survives only for a sale → review',
    'HS 11360(a)(3)(A); HS 11362.1(a)(1); legal-verify item 2',
    { offense: '11360(A) HS-SELL MARIJUANA', convicted: '20010601', ...felony },
    'review',
    'P64-DQ-05',
    (s) => prior(s, '001001001000', '314(1) PC-INDECENT EXPOSURE', '19950301', misd),
  ),
  c(
    'issue 10 pt 3: felony 11358 with two earlier 11358 conviction events → review on plants',
    'HS 11358(d)(2); legal-verify item 1',
    { offense: '11358 HS-CULTIVATE MARIJUANA', convicted: '20000601', offenseDate: '20000101', ...felony },
    'review',
    'P64-DQ-04',
    (s) => [
      ...prior(s, '001001001000', '11358 HS-CULTIVATE MARIJUANA', '19900301'),
      ...prior(s, '002001001000', '11358 HS-CULTIVATE MARIJUANA', '19950301'),
    ],
  ),
  c(
    'issue 10 pt 3: felony 11360(a) with two earlier 11360(a) conviction events → review on sale',
    'HS 11360(a)(3)(B); legal-verify items 1-2',
    { offense: '11360(A) HS-SELL MARIJUANA', convicted: '20000601', offenseDate: '20000101', ...felony },
    'review',
    'P64-DQ-05',
    (s) => [
      ...prior(s, '001001001000', '11360(A) HS-SELL MARIJUANA', '19900301'),
      ...prior(s, '002001001000', '11360 HS-SELL/TRANSPORT/ETC MARIJUANA', '19950301'),
    ],
  ),
  c(
    'issue 10 pt 3: felony 11359 with a prior super-strike stays not eligible (its felony tier needs no extra fact)',
    'HS 11359(c)(1); People v. Smit',
    {
      offense: '11359 HS-POSS MARIJUANA FOR SALE',
      convicted: '20050601',
      offenseDate: '20050101',
      ...felony,
    },
    'not_eligible',
    'P64-DQ-01',
    (s) => prior(s, '001001001000', '245(D)(3) PC-ASSAULT W/MACHINE GUN ON PEACE OFFICER', '19950301'),
  ),
  c(
    'issue 10 pt 3: old 11357(a) concentrate misdemeanor at 19 → review on quantity (8 g)',
    'HS 11357(a)(2), (b)(2)',
    { offense: '11357(A) HS-POS CONCENTRATED CANNABIS', convicted: '20100301', dob: '19910101', ...misd },
    'review',
    'P64-11357A-02',
  ),
  {
    ...c(
      'issue 10 pt 3: old 11357(a) concentrate misdemeanor at 17 → infraction whatever the quantity',
      'HS 11357(a)(1), (b)(1)',
      { offense: '11357(A) HS-POS CONCENTRATED CANNABIS', convicted: '20100301', dob: '19930101', ...misd },
      'reduce',
      'P64-11357-UNDER21',
    ),
    reducedLevel: 'infraction',
  },
  // ---- pt 4: registration is not a conviction -----------------------------------------------------------------
  c(
    'issue 10 pt 4: felony 11359 with a PC 290 registration before the offense and no registrable conviction → review',
    'PC 290(c); HS 11359(c)(1); HS 11361.8(f)',
    { offense: '11359 HS-POSS MARIJUANA FOR SALE', convicted: '20030601', ...felony },
    'review',
    'P64-DQ-06',
    (s) => [registration(s, '19990101')],
  ),
  c(
    'issue 10 pt 4: an undated PC 290 registration is never silently ignored → review',
    'PC 290(c); HS 11359(c)(1)',
    { offense: '11359 HS-POSS MARIJUANA FOR SALE', convicted: '20030601', ...felony },
    'review',
    'P64-DQ-06',
    (s) => [registration(s, '')],
  ),
  c(
    'issue 10 pt 4: a registration dated after the offense does not date its conviction → review',
    'PC 290(c); People v. Smit',
    { offense: '11359 HS-POSS MARIJUANA FOR SALE', convicted: '20030601', ...felony },
    'review',
    'P64-DQ-06',
    (s) => [registration(s, '20120101')],
  ),
  c(
    'issue 10 pt 4: registration explained by a 290(c) conviction before the offense → not eligible',
    'PC 290(c); HS 11359(c)(1); People v. Smit',
    { offense: '11359 HS-POSS MARIJUANA FOR SALE', convicted: '20030601', ...felony },
    'not_eligible',
    'P64-DQ-02',
    (s) => [
      ...prior(s, '001001001000', '243.4(A) PC-SEXUAL BATTERY', '19980301'),
      registration(s, '19990101'),
    ],
  ),
  c(
    'issue 10 pt 4: registration explained by a 290(c) conviction entered after the offense → no disqualifier',
    'People v. Smit (2018) 24 Cal.App.5th 596',
    { offense: '11359 HS-POSS MARIJUANA FOR SALE', convicted: '20030601', ...felony },
    'reduce',
    'P64-FEL-REDUCE',
    (s) => [
      ...prior(s, '010001001000', '243.4(A) PC-SEXUAL BATTERY', '20080301'),
      registration(s, '20090101'),
    ],
  ),
  c(
    'issue 10 pt 4: registration explained by a court-ordered registration conviction (qualifier BB), not 290(c) → no disqualifier',
    'PC 290(c); PC 290.006; doj-qualifier-codes.csv (BB)',
    { offense: '11359 HS-POSS MARIJUANA FOR SALE', convicted: '20030601', ...felony },
    'reduce',
    'P64-FEL-REDUCE',
    (s) => [
      ...conviction({
        subject: s,
        cnt: '001001001000',
        offense: '647(A) PC-LEWD CONDUCT IN PUBLIC',
        convicted: '19980301',
        qualifiers: 'BB',
        ...misd,
      }),
      registration(s, '19990101'),
    ],
  ),
  c(
    'issue 10 pt 4: an attempted PC 290(c) offense (243.4 with qualifier BI) counts: 290(c) lists attempts',
    'PC 290(c); HS 11359(c)(1)',
    { offense: '11359 HS-POSS MARIJUANA FOR SALE', convicted: '20030601', ...felony },
    'not_eligible',
    'P64-DQ-02',
    (s) =>
      conviction({
        subject: s,
        cnt: '001001001000',
        offense: '243.4(A) PC-SEXUAL BATTERY',
        convicted: '19980301',
        qualifiers: 'BI',
        ...felony,
      }),
  ),
  c(
    'issue 10 pt 4: "273AB PC" is PC 273ab (child assault causing death, life): a super-strike',
    'PC 667(e)(2)(C)(iv)(VIII); PC 273ab',
    { offense: '11359 HS-POSS MARIJUANA FOR SALE', convicted: '20030601', ...felony },
    'not_eligible',
    'P64-DQ-01',
    (s) => prior(s, '001001001000', '273AB PC-ASSAULT CHILD CAUSING DEATH', '19980301'),
  ),
  c(
    'issue 10 pt 4: PC 667.7 habitual offender (life) is a super-strike',
    'PC 667(e)(2)(C)(iv)(VIII); PC 667.7',
    { offense: '11359 HS-POSS MARIJUANA FOR SALE', convicted: '20030601', ...felony },
    'not_eligible',
    'P64-DQ-01',
    (s) => prior(s, '001001001000', '667.7 PC-HABITUAL OFFENDER', '19980301'),
  ),
  c(
    'issue 10 pt 4: PC 18745 (explosive with intent to murder, life) is a super-strike',
    'PC 667(e)(2)(C)(iv)(VIII); PC 18745',
    { offense: '11359 HS-POSS MARIJUANA FOR SALE', convicted: '20140601', ...felony },
    'not_eligible',
    'P64-DQ-01',
    (s) => prior(s, '001001001000', '18745 PC-EXPLODE DEVICE W/INTENT TO MURDER', '20130301'),
  ),
  c(
    'issue 10 pt 4: PC 11418(a)(1) (weapon of mass destruction) is a super-strike',
    'PC 667(e)(2)(C)(iv)(VII)',
    { offense: '11359 HS-POSS MARIJUANA FOR SALE', convicted: '20140601', ...felony },
    'not_eligible',
    'P64-DQ-01',
    (s) => prior(s, '001001001000', '11418(A)(1) PC-POSSESS WEAPON OF MASS DESTRUCTION', '20130301'),
  ),
  // ---- pt 5: the facts the data has -------------------------------------------------------------------------------
  patched(
    {
      ...c(
        'issue 10 pt 5: DOB missing, CYC_AGE 19 → 11357(b) misdemeanor at 19 is an infraction',
        'HS 11357(a)(2); CYC_AGE (age at the arrest that began the cycle)',
        { offense: '11357(B) HS-POSSESS MARIJUANA', convicted: '20050301', dob: '', ...misd },
        'reduce',
        'P64-11357-UNDER21',
      ),
      reducedLevel: 'infraction',
    },
    { CYC_AGE: '19' },
  ),
  patched(
    c(
      'issue 10 pt 5: DOB missing, CYC_AGE 30 → 11357(b) at 30 is lawful',
      'HS 11362.1(a)(1); CYC_AGE',
      { offense: '11357(B) HS-POSSESS MARIJUANA', convicted: '20050301', dob: '', ...misd },
      'dismiss',
      'P64-11357B-01',
    ),
    { CYC_AGE: '30' },
  ),
  patched(
    c(
      'issue 10 pt 5: an 11359 charge pled to 11357(b) (CONV_OFFENSE_DESCR) is a possession conviction',
      'HS 11362.1(a)(1); HS 11361.8(e)',
      { offense: '11359 HS-POSS MARIJUANA FOR SALE', convicted: '20050301', ...misd },
      'dismiss',
      'P64-11357B-01',
    ),
    { CONV_OFFENSE_DESCR: '11357(B) HS-POSSESS MARIJUANA', CONV_OFFENSE_TOC: 'M' },
  ),
  patched(
    c(
      'issue 10 pt 5: an 11359 charge pled to 11357(b) (DISP_OFFENSE_DESCR) is a possession conviction',
      'HS 11362.1(a)(1); HS 11361.8(e)',
      { offense: '11359 HS-POSS MARIJUANA FOR SALE', convicted: '20050301', ...misd },
      'dismiss',
      'P64-11357B-01',
    ),
    { DISP_OFFENSE_DESCR: '11357(B) HS-POSSESS MARIJUANA' },
  ),
  patched(
    c(
      'issue 10 pt 5: a conspiracy charge (EB) pled to the completed 11359 (CONV_OFFENSE without qualifier) is no conspiracy',
      'HS 11359(b); People v. Medina (conspiracy convictions only)',
      { offense: '11359 HS-POSS MARIJUANA FOR SALE', convicted: '20050301', qualifiers: 'EB', ...felony },
      'reduce',
      'P64-FEL-REDUCE',
    ),
    { CONV_OFFENSE_DESCR: '11359 HS-POSS MARIJUANA FOR SALE' },
  ),
  c(
    'issue 10 pt 5: two 11359 counts in one earlier court event are one prior conviction event, not two',
    'HS 11359(c)(2) ("two or more prior convictions"); legal-verify item 1',
    {
      offense: '11359 HS-POSS MARIJUANA FOR SALE',
      convicted: '20000601',
      offenseDate: '20000101',
      ...felony,
    },
    'reduce',
    'P64-FEL-REDUCE',
    (s) => [
      ...prior(s, '001001001000', '11359 HS-POSS MARIJUANA FOR SALE', '19950301'),
      ...prior(s, '001001002000', '11359 HS-POSS MARIJUANA FOR SALE', '19950301'),
    ],
  ),
  c(
    'issue 10 pt 5: 11360(b) priors do not count toward 11360(a)(3)(B) (same subdivision only)',
    'HS 11360(a)(3)(B): priors under (a)(2)',
    { offense: '11360(A) HS-SELL MARIJUANA', convicted: '20000601', offenseDate: '20000101', ...felony },
    'reduce',
    'P64-FEL-REDUCE',
    (s) => [
      ...prior(s, '001001001000', '11360(B) HS-GIVE/TRANSPORT MARIJUANA', '19900301', misd),
      ...prior(s, '002001001000', '11360(B) HS-GIVE/TRANSPORT MARIJUANA', '19950301', misd),
    ],
  ),
  c(
    'issue 10 pt 5: conspiracy priors are not convictions under 11359(b)',
    'HS 11359(c)(2); People v. Medina',
    {
      offense: '11359 HS-POSS MARIJUANA FOR SALE',
      convicted: '20000601',
      offenseDate: '20000101',
      ...felony,
    },
    'reduce',
    'P64-FEL-REDUCE',
    (s) => [
      ...conviction({
        subject: s,
        cnt: '001001001000',
        offense: '11359 HS-POSS MARIJUANA FOR SALE',
        convicted: '19900301',
        qualifiers: 'EB',
        ...felony,
      }),
      ...prior(s, '002001001000', '11359 HS-POSS MARIJUANA FOR SALE', '19950301'),
    ],
  ),
  // ---- pt 6: what a reduction asks for ---------------------------------------------------------------------------
  {
    ...c(
      'issue 10 pt 6: felony 11359 at 30 → redesignate as a misdemeanor',
      'HS 11359(b); HS 11361.8(e)-(f)',
      { offense: '11359 HS-POSS MARIJUANA FOR SALE', convicted: '20050301', ...felony },
      'reduce',
      'P64-FEL-REDUCE',
    ),
    reducedLevel: 'misdemeanor',
  },
  {
    ...c(
      'issue 10 pt 6: felony 11359 at 16 → redesignate as an infraction',
      'HS 11359(a); HS 11361.8(e)-(f)',
      { offense: '11359 HS-POSS MARIJUANA FOR SALE', convicted: '20050301', dob: '19890101', ...felony },
      'reduce',
      'P64-FEL-REDUCE',
    ),
    reducedLevel: 'infraction',
  },
  {
    ...c(
      'issue 10 pt 6: felony 11357(a) at 30 → redesignate as a misdemeanor',
      'HS 11357(b)(2); HS 11361.8(e)-(f)',
      { offense: '11357(A) HS-POSS CONCENTRATE CANNABIS', convicted: '20050301', ...felony },
      'reduce',
      'P64-11357-FEL',
    ),
    reducedLevel: 'misdemeanor',
  },
  {
    ...c(
      'issue 10 pt 6: 11360(b) misdemeanor at 19 → redesignate as an infraction',
      'HS 11360(b); HS 11361.8(e)-(f)',
      { offense: '11360(B) HS-GIVE/TRANSPORT MARIJUANA', convicted: '20080301', dob: '19890101', ...misd },
      'reduce',
      'P64-11360B-02',
    ),
    reducedLevel: 'infraction',
  },
  // ---- incomplete record (last, so the subjects above keep their numbers) ---------------------------------
  c(
    'the line of an earlier super strike (PC 187) was rejected at ingest → review naming the line, not reduce',
    'HS 11359(c)(1); HS 11361.8(b),(f)',
    {
      offense: '11359 HS-POSS MARIJUANA FOR SALE',
      convicted: '20050601',
      offenseDate: '20050101',
      ...felony,
    },
    'review',
    'P64-DATA-04',
    // The prior's line is longer than the reader's 2,000,000-byte line limit, so it is rejected, not loaded.
    (s) =>
      prior(s, '001001001000', '187 PC-MURDER', '19950301').map((r) => ({
        ...r,
        COMMENT_TEXT: 'X'.repeat(2_100_000),
      })),
  ),
]

/** Rows that must NOT produce a determination row. */
export const OUT_OF_SCOPE_ROWS: DojRow[] = [
  ...conviction({
    subject: '800001',
    cnt: '001001001000',
    offense: '11357.5(A) HS-SEL SYNTHETIC CANNABINOID',
    convicted: '20150301',
    ...misd,
  }),
  ...conviction({
    subject: '800002',
    cnt: '001001001000',
    offense: '11361 HS-EMPLOY MINOR TO SELL MARIJUANA',
    convicted: '20050301',
    ...felony,
  }),
  ...conviction({
    subject: '800003',
    cnt: '001001001000',
    offense: '11359 HS-POSS MARIJUANA FOR SALE',
    convicted: '20050301',
    disposition: 'DISMISSED/CHARGE DROPPED',
    ...felony,
  }),
  dojRow({
    SUBJECT_ID: '800004',
    CNT_ORDER: '001001001000',
    STP_TYPE_DESCR: 'ARREST/DETAINED/CITED',
    CYC_DATE: '20050101',
    OFFENSE_DESCR: '11359 HS-POSS MARIJUANA FOR SALE',
    OFFENSE_TOC: 'F',
  }),
  // issue 10 pt 5: an 11359 charge pled to 11350 (a narcotic) is not a cannabis conviction at all.
  ...conviction({
    subject: '800006',
    cnt: '001001001000',
    offense: '11359 HS-POSS MARIJUANA FOR SALE',
    convicted: '20050301',
    ...felony,
  }).map((r) => ({ ...r, CONV_OFFENSE_DESCR: '11350 HS-POSSESS NARCOTIC CONTROLLED SUBSTANCE' })),
  // A PC 32 accessory with no Prop 64 offense in its cycle or charge stays out of scope.
  ...conviction({
    subject: '800007',
    cnt: '001001001000',
    offense: '32 PC-ACCESSORY',
    convicted: '20050301',
    ...felony,
  }),
  ...conviction({
    subject: '800005',
    cnt: '001001001000',
    offense: '459 PC-BURGLARY',
    convicted: '20050301',
    ...felony,
  }),
]
