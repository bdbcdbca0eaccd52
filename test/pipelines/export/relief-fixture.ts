/**
 * A small extract whose every published number can be worked out by hand (as of 2026-01-01):
 *
 * | person | court (county)                    | counts                                    | outcome                        |
 * |--------|-----------------------------------|-------------------------------------------|--------------------------------|
 * | 100001 | CASC STOCKTON (SAN JOAQUIN)       | 11357(B) misd 2005                        | dismiss / dismiss_and_seal     |
 * | 100002 | CASC STOCKTON (SAN JOAQUIN)       | 11359 felony 2008 x2, case SJ-2002; AKA   | reduce / redesignate (x2)      |
 * | 100003 | CASC LODI (SAN JOAQUIN)           | 11359 felony 2015, probation to 2030      | reduce / recall_and_resentence |
 * | 100004 | CASC LODI (SAN JOAQUIN)           | 11357(B) misd 2005; PC 459 felony 2022    | dismiss / dismiss_and_seal     |
 * | 100005 | CASC WOODLAND (YOLO)              | 11359(B) misd, offense 2017               | not_eligible                   |
 * | 100006 | CASC WOODLAND (YOLO)              | 11360(A) misd 2008                        | review                         |
 * | 100007 | WOODLAND (YOLO) + STOCKTON (SJ)   | 11357(B) misd 2006 (YOLO); 11359 fel 2010 | dismiss (YOLO); reduce (SJ)    |
 * | 100008 | CASC STOCKTON                     | PC 459 felony only                        | not in scope                   |
 *
 * Rows of 100007 are split around others so "file order" differs from subject order, one field carries
 * padding spaces, and one malformed line (3 fields) must be rejected by ingest and absent from every output.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { conviction, dojRow, toCsvLine } from '../../helpers/doj-fixture.ts'
import { DOJ_COLUMN_NAMES, type DojRow } from '../../../data-contracts/doj-extract.contract.ts'

export const AS_OF = '2026-01-01'

const SJ = { county: 'SAN JOAQUIN' }
const misd = { level: 'MISDEMEANOR' as const, toc: 'M' as const }
const fel = { level: 'FELONY' as const, toc: 'F' as const }

export function fixtureRows(): DojRow[] {
  const p7Yolo = conviction({
    subject: '100007',
    cnt: '001001001000',
    offense: '11357(B) HS-POSSESS MARIJUANA',
    convicted: '20060301',
    county: 'YOLO',
    court: 'CASC WOODLAND',
    caseNumber: 'YO-7001',
    name: 'SMITH,ALEX',
    cii: 'A0000007',
    ...misd,
  })
  const p7Sj = conviction({
    subject: '100007',
    cnt: '002001001000',
    offense: '11359 HS-POSS MARIJUANA FOR SALE',
    convicted: '20100301',
    ...SJ,
    court: 'CASC STOCKTON',
    caseNumber: 'SJ-7002',
    name: 'SMITH,ALEX',
    cii: 'A0000007',
    ...fel,
  })
  return [
    ...p7Yolo,
    ...conviction({
      subject: '100001',
      cnt: '001001001000',
      offense: '11357(B) HS-POSSESS MARIJUANA',
      convicted: '20050301',
      ...SJ,
      court: 'CASC STOCKTON',
      caseNumber: 'SJ-1001',
      name: 'ADAMS,ANN',
      cii: 'A0000001',
      dob: '19600101',
      ...misd,
    }),
    // An arrest line under another name: the AKA, and a row of 100002 that is not an in-scope count.
    dojRow({
      SUBJECT_ID: '100002',
      CII_NUMBER: 'A0000002',
      PRI_NAME: 'ROE,JANE',
      PRI_DOB: '19700505',
      STP_TYPE_DESCR: 'ARREST/DETAINED/CITED',
      STP_EVENT_DATE: '20080101',
      CYC_DATE: '20080101',
      CNT_ORDER: '001000001000',
      OFFENSE_DESCR: '11359 HS-POSS MARIJUANA FOR SALE',
      COMMENT_TEXT: '  padded, with a comma  ',
    }),
    ...[1, 2].flatMap((n) =>
      conviction({
        subject: '100002',
        cnt: `00100100${n}000`,
        offense: '11359 HS-POSS MARIJUANA FOR SALE',
        convicted: '20080301',
        ...SJ,
        court: 'CASC STOCKTON',
        caseNumber: 'SJ-2002',
        name: 'DOE,JANE',
        cii: 'A0000002',
        dob: '19700505',
        ...fel,
      }),
    ),
    ...conviction({
      subject: '100003',
      cnt: '001001001000',
      offense: '11359 HS-POSS MARIJUANA FOR SALE',
      convicted: '20150601',
      offenseDate: '20150101',
      ...SJ,
      court: 'CASC LODI',
      caseNumber: 'LO-3001',
      name: 'BAKER,BO',
      cii: 'A0000003',
      ...fel,
      sentence: [
        { kind: 'JAIL', length: '90', unit: 'D' },
        { kind: 'PROBATION', length: '15', unit: 'Y' },
      ],
    }),
    ...p7Sj,
    ...conviction({
      subject: '100004',
      cnt: '001001001000',
      offense: '11357(B) HS-POSSESS MARIJUANA',
      convicted: '20050301',
      ...SJ,
      court: 'CASC LODI',
      caseNumber: 'LO-4001',
      name: 'CRUZ,CY',
      cii: 'A0000004',
      ...misd,
    }),
    ...conviction({
      subject: '100004',
      cnt: '002001001000',
      offense: '459 PC-BURGLARY',
      convicted: '20220301',
      ...SJ,
      court: 'CASC LODI',
      caseNumber: 'LO-4002',
      name: 'CRUZ,CY',
      cii: 'A0000004',
      ...fel,
    }),
    ...conviction({
      subject: '100005',
      cnt: '001001001000',
      offense: '11359(B) HS-POSS MARIJUANA FOR SALE',
      offenseDate: '20170301',
      convicted: '20170601',
      county: 'YOLO',
      court: 'CASC WOODLAND',
      caseNumber: 'YO-5001',
      name: 'DIAZ,DEE',
      cii: 'A0000005',
      ...misd,
    }),
    ...conviction({
      subject: '100006',
      cnt: '001001001000',
      offense: '11360(A) HS-SELL MARIJUANA',
      convicted: '20080301',
      county: 'YOLO',
      court: 'CASC WOODLAND',
      caseNumber: 'YO-6001',
      name: 'EVANS,EVE',
      cii: 'A0000006',
      ...misd,
    }),
    ...conviction({
      subject: '100008',
      cnt: '001001001000',
      offense: '459 PC-BURGLARY',
      convicted: '20100301',
      ...SJ,
      court: 'CASC STOCKTON',
      caseNumber: 'SJ-8001',
      name: 'FOX,FAY',
      cii: 'A0000008',
      ...fel,
    }),
  ]
}

/** A short, malformed line placed after this many data lines. */
export const BAD_LINE_AFTER = 3
export const BAD_LINE = '999999,1,SHORT ROW'

/** Writes the fixture (header + rows, with the malformed line) into dir and returns its path. */
export function writeFixture(dir: string, name = 'extract.csv'): string {
  const lines = fixtureRows().map(toCsvLine)
  lines.splice(BAD_LINE_AFTER, 0, BAD_LINE)
  const path = join(dir, name)
  writeFileSync(path, [DOJ_COLUMN_NAMES.join(','), ...lines].join('\n') + '\n')
  return path
}
