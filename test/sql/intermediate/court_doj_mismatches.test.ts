import { describe, expect, it } from 'vitest'
import { runModel, type Cell } from '../../helpers/model-fixture.ts'
import {
  COURT_SEEDS,
  courtIndex,
  courtRecord,
  dojCount,
  dojSubject,
  dojTables,
  type CourtRecord,
} from '../../helpers/court-model-fixture.ts'
import { stg_court_index_rows } from '../../../sql/staging/stg_court_index_rows.ts'
import { int_court_doj_pairs } from '../../../sql/intermediate/int_court_doj_pairs.ts'
import { court_doj_mismatches } from '../../../sql/intermediate/court_doj_mismatches.ts'

type Row = Record<string, string | null>

/** One DOJ count of case 05CR1234 against one court charge of it (paired by number), and what disagrees. */
async function compare(court: CourtRecord, count: Record<string, Cell> = {}): Promise<Row[]> {
  const run = await runModel(
    court_doj_mismatches,
    {
      ...courtIndex([courtRecord(court)]),
      ...dojTables({ counts: [dojCount(count)], subjects: [dojSubject()] }),
    },
    { seeds: COURT_SEEDS, also: [stg_court_index_rows, int_court_doj_pairs] },
  )
  const rows = await run.rows<Row>('subject_id, cnt_order')
  run.close()
  return rows
}

describe('court_doj_mismatches', () => {
  it('a pair that agrees on section, level, date and conviction is not listed', async () => {
    expect(await compare({})).toEqual([])
    // A subsection only one side records is not a disagreement.
    expect(await compare({ charge_section: '11360(A) HS' }, { section: '11360' })).toEqual([])
  })

  it('names each field that disagrees, in a fixed order', async () => {
    expect((await compare({ charge_level: 'M' })).map((r) => r.disagrees_on)).toEqual(['level'])
    expect((await compare({ disposition_date: '2005-03-02' })).map((r) => r.disagrees_on)).toEqual(['date'])
    expect((await compare({ disposition: 'DISMISSED' })).map((r) => r.disagrees_on)).toEqual(['disposition'])
    expect(
      (await compare({ charge_section: '11357(B) HS', charge_level: 'M', disposition: 'ACQUITTED' })).map(
        (r) => r.disagrees_on,
      ),
    ).toEqual(['section;level;disposition'])
    expect(
      (await compare({ charge_section: '11360(B) HS' }, { section: '11360', subsection: 'A' })).map(
        (r) => r.disagrees_on,
      ),
    ).toEqual(['section'])
  })

  it('carries both sides for the reader: case numbers, file line, sections, levels and dates as text', async () => {
    const [row] = await compare({ court_case_number: '05-cr-01234', charge_level: 'M', line: 12 })
    expect(row).toEqual({
      county: 'ORANGE',
      matched_by: 'case_number',
      disagrees_on: 'level',
      subject_id: 'D1',
      cnt_order: '001001001000',
      doj_court: 'CASC ORANGE',
      doj_case_number: '05CR1234',
      court_file: 'court1.csv',
      court_line: '12',
      court_case_number: '05-cr-01234',
      doj_code_section: 'HS 11359',
      court_code_section: 'HS 11359',
      doj_level: 'felony',
      court_level: 'misdemeanor',
      doj_conviction_date: '2005-03-01',
      court_disposition_date: '2005-03-01',
      court_disposition: 'CONVICTED',
    })
  })

  it('one row per disagreeing DOJ count: two counts sharing one court charge are listed once each', async () => {
    const run = await runModel(
      court_doj_mismatches,
      {
        ...courtIndex([courtRecord({ charge_level: 'M' })]),
        ...dojTables({
          counts: [dojCount({ cnt_order: '001001001000' }), dojCount({ cnt_order: '001001002000' })],
          subjects: [dojSubject()],
        }),
      },
      { seeds: COURT_SEEDS, also: [stg_court_index_rows, int_court_doj_pairs] },
    )
    const rows = await run.rows<Row>('cnt_order')
    run.close()
    expect(rows.map((r) => `${r.cnt_order}:${r.court_line}:${r.disagrees_on}`)).toEqual([
      '001001001000:2:level',
      '001001002000:2:level',
    ])
  })

  it('an unmatched DOJ count is no mismatch (it is DOJ-only)', async () => {
    expect(await compare({ court_case_number: 'OTHER', disposition_date: '1999-01-01' })).toEqual([])
  })
})
