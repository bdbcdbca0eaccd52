import { describe, expect, it } from 'vitest'
import { buildCourtSources, line } from './court-source-run.ts'
import { COURT_INDEX_COLUMN_NAMES } from '../../../data-contracts/court-index.contract.ts'
import { rawCourtIndexRows } from '../../../sql/sources/raw_court_index_rows.ts'
import { dependenciesOf } from '../../../sql/model.ts'
import { fixtureContext } from '../../helpers/model-fixture.ts'

type Row = Record<string, string | null>

describe('raw_court_index_rows', () => {
  it('one row per well-formed record, numbered in file order per file; every contract column as text', async () => {
    const db = await buildCourtSources([
      [line('A1'), line('A2', 'Los Angeles'), 'too,few,fields', line('A3')],
      [line('B1', 'FRESNO')],
    ])
    const rows = await db.rows<Row>('select * from raw_court_index_rows order by file_index, record')
    const cols = await db.rows<{ column_name: string; column_type: string }>('describe raw_court_index_rows')
    const rejected = await db.rows<{ line: string }>('select distinct line from court_reject_errors')
    db.close()
    expect(rows.map((r) => [String(r.file_index), r.record, r.court_case_number, r.county])).toEqual([
      ['1', '1', 'A1', 'ORANGE'],
      ['1', '2', 'A2', 'Los Angeles'],
      ['1', '3', 'A3', 'ORANGE'],
      ['2', '1', 'B1', 'FRESNO'],
    ])
    // The malformed line went to the reader's rejects, not into the table.
    expect(rejected.map((r) => String(r.line))).toEqual(['4'])
    expect(rows[0]!.filename).toMatch(/court1\.csv$/)
    expect(rows[0]!.dob).toBeNull()
    const types = Object.fromEntries(cols.map((c) => [c.column_name, c.column_type]))
    for (const n of COURT_INDEX_COLUMN_NAMES) expect(types[n]).toBe('VARCHAR')
  })

  it('is made per run from the given read_csv: no upstream model', () => {
    const m = rawCourtIndexRows('select 1 as x')
    expect(m.layer).toBe('source')
    expect(dependenciesOf(m, fixtureContext())).toEqual([])
  })
})
