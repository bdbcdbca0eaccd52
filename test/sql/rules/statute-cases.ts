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
    'PC 290(c); former PC 288a',
    { offense: '11358 HS-CULTIVATE MARIJUANA', convicted: '20050601', offenseDate: '20050101', ...felony },
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
    'PC 290(c) offense (314(1)) before the offense keeps a felony 11360 a felony',
    'HS 11360(a)(3)(A); PC 290(c)',
    { offense: '11360(A) HS-SELL MARIJUANA', convicted: '20010601', ...felony },
    'not_eligible',
    'P64-DQ-02',
    (s) => prior(s, '001001001000', '314(1) PC-INDECENT EXPOSURE', '19950301', misd),
  ),
  c(
    '288(a) (lewd act, child under 14) is a super-strike as well as a 290(c) offense',
    'PC 667(e)(2)(C)(iv)(III)',
    { offense: '11360(A) HS-SELL MARIJUANA', convicted: '20010601', ...felony },
    'not_eligible',
    'P64-DQ-01',
    (s) => prior(s, '001001001000', '288(A) PC-LEWD ACT WITH CHILD', '19950301'),
  ),
  c(
    'PC 290 registration step before the offense keeps a felony 11358 a felony',
    'HS 11358(d)(1); PC 290(c)',
    { offense: '11358 HS-CULTIVATE MARIJUANA', convicted: '20030601', ...felony },
    'not_eligible',
    'P64-DQ-02',
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
    '11357(a) misdemeanor at 20 → infraction',
    'HS 11357(b)(1)',
    { offense: '11357(A) HS-POS CONCENTRATED CANNABIS', convicted: '20150301', dob: '19950101', ...misd },
    'reduce',
    'P64-11357-UNDER21',
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
  ...conviction({
    subject: '800005',
    cnt: '001001001000',
    offense: '459 PC-BURGLARY',
    convicted: '20050301',
    ...felony,
  }),
]
