import { describe, expect, it } from 'vitest'
import {
  courtModelRows,
  courtRecord,
  dojSubject,
  DOE_POSSESSION_1990,
  JANE_DOE,
  type CourtRecord,
} from '../../helpers/court-model-fixture.ts'
import { mart_court_only_motion_cases } from '../../../sql/marts/mart_court_only_motion_cases.ts'
import type { MotionCaseRow } from '../../../data-contracts/outputs/motion-cases.contract.ts'

type Row = Omit<MotionCaseRow, 'counts' | 'motion_order' | 'is_related'> & {
  counts: number
  motion_order: number
  is_related: boolean
}

const motionCases = (court: CourtRecord[]): Promise<Row[]> =>
  courtModelRows<Row>(mart_court_only_motion_cases, court, {
    doj: {
      subjects: [dojSubject({ names: { sql: `['GARCIA,MARIA', 'GARCIA,MARIA L']` }, cii_number: 'A1' })],
    },
    orderBy: 'motion_order',
  })

const doe = JANE_DOE

describe('mart_court_only_motion_cases', () => {
  it('one row per court case and relief, in the motion columns, with the DOJ identity where the person has one', async () => {
    const rows = await motionCases([
      // Maria Garcia (DOJ subject D1) in ORANGE: two HS 11359 felonies of one case the DOJ does not know.
      courtRecord({ court_case_number: 'NEW-1', defendant_name: 'Garcia, Maria', line: 7 }),
      courtRecord({ court_case_number: 'NEW-1', defendant_name: 'Garcia, Maria', line: 3 }),
      // Jane Doe: an HS 11357(b) misdemeanor at 30 (dismiss) and, in another case, a felony HS 11359 with no
      // criminal history to read (review).
      courtRecord(DOE_POSSESSION_1990),
      courtRecord({
        ...doe,
        court_case_number: 'GC-1',
        disposition_date: '2001-05-05',
        offense_date: '2001-01-01',
      }),
    ])
    expect(rows.map((r) => [r.county, r.case_number, r.remedy, r.motion_order])).toEqual([
      ['FRESNO', 'GC-2', 'dismiss_and_seal', 1],
      ['FRESNO', 'GC-1', 'review', 2],
      ['ORANGE', 'NEW-1', 'redesignate', 3],
    ])
    expect(rows[2]).toMatchObject({
      court: 'SUPERIOR COURT ORANGE',
      determination: 'reduce',
      reduced_level: 'misdemeanor',
      layer: 'statute',
      is_related: false,
      subject_id: 'D1',
      // The court's name for the person; the DOJ's names beside it, and the DOJ's CII number.
      name: 'Garcia, Maria',
      aka: 'GARCIA,MARIA; GARCIA,MARIA L',
      dob: '1970-02-02',
      cii_number: 'A1',
      conviction_date: '2005-03-01',
      code_sections: 'HS 11359 x2',
      counts: 2,
      // No count order in a court index: the lines the counts came from, in number order.
      count_orders: 'line 3; line 7',
    })
    expect(rows[0]).toMatchObject({
      name: 'Doe, Jane',
      aka: '',
      cii_number: null,
      reduced_level: null,
      code_sections: 'HS 11357(B)',
      counts: 1,
      rule_ids: 'P64-11357B-01',
    })
    expect(rows[1]).toMatchObject({ determination: 'review', rule_ids: 'CRT-DATA-01' })
  })
})
