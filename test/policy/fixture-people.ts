/**
 * Hand-made people for the policy-key tests (as of 2026-01-01). Each comment gives the statute outcome the
 * statute layer reaches without any policy; the tests check what each policy key does on top of it.
 */
import { conviction, dojRow, type ConvictionSpec } from '../helpers/doj-fixture.ts'
import type { DojRow } from '../../data-contracts/doj-extract.contract.ts'

type Spec = Omit<ConvictionSpec, 'subject' | 'cnt' | 'offense' | 'convicted'>
const F = { level: 'FELONY', toc: 'F' } as const
const M = { level: 'MISDEMEANOR', toc: 'M' } as const
const DOB = '19800101'

export const c = (subject: string, cnt: string, offense: string, convicted: string, extra: Spec = {}) =>
  conviction({ subject, cnt, offense, convicted, dob: DOB, ...F, ...extra })
export const sale = (subject: string, cnt: string, convicted: string, extra: Spec = {}) =>
  c(subject, cnt, '11359 HS-POSS MARIJUANA FOR SALE', convicted, extra)
/** A later non-cannabis conviction: keeps the person from being "crime free" or "only Prop 64". */
export const burglary = (subject: string, convicted = '20240601', cnt = '009002001000', extra: Spec = {}) =>
  c(subject, cnt, '459 PC-BURGLARY', convicted, extra)
export const deceased = (subject: string): DojRow =>
  dojRow({ SUBJECT_ID: subject, PRI_DOB: DOB, STP_TYPE_DESCR: 'DECEASED', STP_EVENT_DATE: '20250101' })
export const arrest = (subject: string, cnt: string, offense: string, date: string): DojRow =>
  dojRow({
    SUBJECT_ID: subject,
    PRI_DOB: DOB,
    CYC_DATE: date,
    STP_EVENT_DATE: date,
    STP_TYPE_DESCR: 'ARREST/DETAINED/CITED',
    STP_ORI_CNTY_NAME: 'SAN JOAQUIN',
    CNT_ORDER: cnt,
    OFFENSE_DESCR: offense,
  })
export { F, M }

export const KEY = (s: string, cnt = '001001001000') => `${s}/${cnt}`

export const PEOPLE: DojRow[] = [
  // 101: felony 11359 (2010) and a 2024 burglary → statute reduce (P64-FEL-REDUCE).
  ...sale('101', '001001001000', '20100601'),
  ...burglary('101'),
  // 102: felony 11357(B) at 30 → statute dismiss (P64-11357B-01).
  ...c('102', '001001001000', '11357(B) HS-POSS MARIJUANA', '20100601'),
  // 103: misdemeanor 11359 at 30 → statute not_eligible (P64-11359-MISD).
  ...sale('103', '001001001000', '20100601', M),
  ...burglary('103'),
  // 104: 19 at conviction → statute reduce. 105: the 21st birthday is the conviction day.
  ...sale('104', '001001001000', '20100301', { dob: '19900601' }),
  ...burglary('104', '20240601', '009002001000', { dob: '19900601' }),
  ...sale('105', '001001001000', '20100301', { dob: '19890301' }),
  ...burglary('105', '20240601', '009002001000', { dob: '19890301' }),
  // 106: turns 50 on the as-of date. 107: turns 50 the day after.
  ...sale('106', '001001001000', '20100601', { dob: '19760101' }),
  ...burglary('106', '20240601', '009002001000', { dob: '19760101' }),
  ...sale('107', '001001001000', '20100601', { dob: '19760102' }),
  ...burglary('107', '20240601', '009002001000', { dob: '19760102' }),
  // 108: convicted exactly 10 years before the as-of date. 109: one day later.
  ...sale('108', '001001001000', '20160101', { offenseDate: '20150601' }),
  ...burglary('108'),
  ...sale('109', '001001001000', '20160102', { offenseDate: '20150601' }),
  ...burglary('109'),
  // 110: last conviction exactly 5 years + 1 day before the as-of date. 111: within 5 years.
  ...c('110', '001001001000', '11358 HS-CULTIVATE MARIJUANA', '20120601'),
  ...burglary('110', '20201231'),
  ...c('111', '001001001000', '11358 HS-CULTIVATE MARIJUANA', '20120601'),
  ...burglary('111', '20210102'),
  // 112: two 11359 felonies and nothing else (only Prop 64, but not a sole conviction).
  ...sale('112', '001001001000', '20050601'),
  ...sale('112', '002001001000', '20100601'),
  // 113: sole conviction, probation to 2032 (still serving). 114: sole conviction, probation done in 2015.
  ...c('113', '001001001000', '11360 HS-TRANSPORT/SELL MARIJUANA', '20120101', {
    sentence: [{ kind: 'PROBATION', length: '20', unit: 'Y' }],
  }),
  ...c('114', '001001001000', '11360 HS-TRANSPORT/SELL MARIJUANA', '20120101', {
    sentence: [{ kind: 'PROBATION', length: '3', unit: 'Y' }],
  }),
  // 115: deceased, with a 2024 burglary.
  ...sale('115', '001001001000', '20100601'),
  ...burglary('115'),
  deceased('115'),
  // 116: murder (1995) before a felony 11359 (2005) → statute not_eligible (P64-DQ-01).
  ...c('116', '001001001000', '187 PC-MURDER', '19950601'),
  ...sale('116', '002001001000', '20050601'),
  // 117: the murder comes after the 11359 → statute reduce.
  ...sale('117', '001001001000', '20050601'),
  ...c('117', '002001001000', '187 PC-MURDER', '20100601'),
  // 118: PC 290 registration (1999) before a felony 11359 (2005) → statute not_eligible (P64-DQ-02).
  dojRow({
    SUBJECT_ID: '118',
    PRI_DOB: DOB,
    STP_TYPE_DESCR: 'REGISTRATION',
    STP_EVENT_DATE: '19990101',
    OFFENSE_DESCR: '290 PC-REGISTRATION OF SEX OFFENDER',
  }),
  ...sale('118', '002001001000', '20050601'),
  // 119: three 11359 felonies → the third has two priors → statute review (P64-DQ-03).
  ...sale('119', '001001001000', '19950601', { dob: '19700101' }),
  ...sale('119', '002001001000', '20000601', { dob: '19700101' }),
  ...sale('119', '003001001000', '20050601', { dob: '19700101' }),
  // 120: one arrest cycle with a felony 11359 and six non-Prop 64 convictions; a PC 148 in another cycle.
  ...sale('120', '001002001000', '20100601'),
  ...c('120', '001002002000', '11364 HS-POSSESS PARAPHERNALIA', '20100601', M),
  ...c('120', '001002003000', '459 PC-BURGLARY', '20100601'),
  ...c('120', '001002004000', '4060 BP-POSSESS CONTROLLED SUBSTANCE', '20100601', M),
  ...c('120', '001002005000', '647(B) PC-PROSTITUTION', '20100601', M),
  ...c('120', '001002006000', '647(F) PC-DRUNK IN PUBLIC', '20100601', M),
  ...c('120', '002002001000', '148 PC-OBSTRUCT/RESIST', '20120601', M),
  // 121: the cycle's 11359 offense is after Prop 64 → no relief to anchor the paraphernalia count.
  ...sale('121', '001002001000', '20180101', { offenseDate: '20170101' }),
  ...c('121', '001002002000', '11364 HS-POSSESS PARAPHERNALIA', '20180101', {
    ...M,
    offenseDate: '20170101',
  }),
  // 122: a misdemeanor 11359 (statute not_eligible) with paraphernalia in the same cycle.
  ...sale('122', '001002001000', '20100601', M),
  ...c('122', '001002002000', '11364 HS-POSSESS PARAPHERNALIA', '20100601', M),
  // 123: arrested for 11359, convicted only of paraphernalia (a likely plea bargain).
  arrest('123', '001001001000', '11359 HS-POSS MARIJUANA FOR SALE', '20100101'),
  ...c('123', '001002001000', '11364 HS-POSSESS PARAPHERNALIA', '20100601', {
    ...M,
    offenseDate: '20100101',
  }),
  // 124: deceased, misdemeanor 11359 → statute not_eligible.
  ...sale('124', '001001001000', '20100601', M),
  deceased('124'),
  // 125: offense after Prop 64 → statute not_eligible (P64-TIME-01).
  ...sale('125', '001001001000', '20170601', { offenseDate: '20170101' }),
  // 126: level not recorded → statute review (P64-DATA-03).
  ...sale('126', '001001001000', '20100601', { level: '', toc: '' }),
]
