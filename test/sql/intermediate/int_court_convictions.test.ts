import { describe, expect, it } from 'vitest'
import { runModel, type Cell } from '../../helpers/model-fixture.ts'
import {
  COURT_SEEDS,
  courtIndex,
  courtRecord,
  dojConviction,
  dojCount,
  dojSubject,
  dojTables,
  type CourtRecord,
} from '../../helpers/court-model-fixture.ts'
import { stg_court_index_rows } from '../../../sql/staging/stg_court_index_rows.ts'
import { int_court_doj_pairs } from '../../../sql/intermediate/int_court_doj_pairs.ts'
import { int_court_only_charges } from '../../../sql/intermediate/int_court_only_charges.ts'
import { int_court_convictions } from '../../../sql/intermediate/int_court_convictions.ts'

type Row = Record<string, unknown>

async function convictions(
  court: CourtRecord[],
  doj: {
    counts?: Record<string, Cell>[]
    subjects?: Record<string, Cell>[]
    convictions?: Record<string, Cell>[]
  } = {},
): Promise<Row[]> {
  const run = await runModel(
    int_court_convictions,
    { ...courtIndex(court), ...dojTables(doj) },
    { seeds: COURT_SEEDS, also: [stg_court_index_rows, int_court_doj_pairs, int_court_only_charges] },
  )
  const rows = await run.rows<Row>('subject_id, cnt_order')
  run.close()
  return rows
}

const day = (v: unknown) => (v === null ? null : String(v).slice(0, 10))

describe('int_court_convictions', () => {
  it("a court-only person's DOJ convictions and the court-only ones, one row per (subject_id, cnt_order)", async () => {
    const rows = await convictions(
      [
        courtRecord({
          court_case_number: 'NEW-1',
          disposition_date: '2010-01-01',
          offense_date: '2009-12-01',
        }),
      ],
      {
        subjects: [dojSubject(), dojSubject({ subject_id: 'D2', name: 'LEE,KIM' })],
        convictions: [
          dojConviction({
            subject_id: 'D1',
            cnt_order: '001001001000',
            cycle_age: 34,
            qualifier_codes: { sql: "['EB:CONSPIRACY']" },
          }),
          dojConviction({ subject_id: 'D1', cnt_order: '002001001000', section: '459', code_type: 'PC' }),
          // Nobody of the court-only convictions: not carried.
          dojConviction({ subject_id: 'D2' }),
        ],
      },
    )
    expect(rows.map((r) => `${r.subject_id}/${r.cnt_order}`)).toEqual([
      'D1/001001001000',
      'D1/002001001000',
      'D1/COURT:1:000000001',
    ])
    // DOJ-only columns stay (null on the court row), so the count SQL reads both alike.
    expect(rows[0]).toMatchObject({ cycle_age: 34, qualifier_codes: ['EB:CONSPIRACY'] })
    expect(rows[2]).toMatchObject({
      cycle_age: null,
      cyc_order: null,
      offense_code: null,
      conviction_date_status: 'ok',
    })
    expect(day(rows[2]!.conviction_date)).toBe('2010-01-01')
  })

  it('court-only rows in the DOJ shape: level, section parts, attempt, sentence parts', async () => {
    const [row] = await convictions([
      courtRecord({
        charge_section: '664/11360(A) HS',
        charge_level: 'M',
        sentence: '90 DAYS',
        court_case_number: 'N1',
      }),
    ])
    expect(row).toMatchObject({
      code_type: 'HS',
      section: '11360',
      subsection: 'A',
      base_section: 'HS 11360',
      code_section: 'HS 11360(A)',
      conviction_level: 'misdemeanor',
      is_attempt: true,
      is_conspiracy: false,
      // A court-only row is a cannabis conviction itself: never an accessory (not a missing column's null).
      is_accessory: false,
      sentence_days: 90,
      sentence_parts_unreadable: '0',
      sentence_text: '90 DAYS',
      county: 'ORANGE',
      charge_text: '664/11360(A) HS',
    })
  })

  it('sentence end = conviction date + whole years + months (fractional years as months) + days rounded up', async () => {
    const sentences = ['', '1 YR 6 MOS 10 DAYS', '1.5 YEARS', '1.25 Y', '10.5 D', 'TIME SERVED']
    const rows = await convictions(
      sentences.map((s, i) =>
        courtRecord({ court_case_number: `S${i}`, sentence: s, disposition_date: '2005-03-01' }),
      ),
    )
    expect(rows.map((r) => day(r.sentence_end_date))).toEqual([
      '2005-03-01',
      '2006-09-11',
      '2006-09-01',
      '2006-06-01',
      '2005-03-12',
      '2005-03-01',
    ])
    expect(rows.map((r) => r.sentence_parts_unreadable)).toEqual(['0', '0', '0', '0', '0', '1'])
  })

  it('AUMA flags from the offense and conviction dates (2016-11-09); unknown when the date is unknown', async () => {
    const rows = await convictions([
      courtRecord({ court_case_number: 'A', offense_date: '2016-11-08', disposition_date: '2016-11-09' }),
      courtRecord({ court_case_number: 'B', offense_date: '', disposition_date: '2017-01-01' }),
    ])
    expect(rows.map((r) => [r.offense_after_auma, r.conviction_after_auma])).toEqual([
      [false, true],
      [null, true],
    ])
  })

  it('a DOJ count the court matched adds no court row', async () => {
    const rows = await convictions([courtRecord()], {
      counts: [dojCount()],
      subjects: [dojSubject()],
      convictions: [dojConviction()],
    })
    expect(rows).toEqual([])
  })
})
