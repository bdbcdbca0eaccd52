import { describe, expect, it } from 'vitest'
import { buildCourtSources, line } from './court-source-run.ts'
import { courtRecordLines } from '../../../sql/sources/court_record_lines.ts'
import { dependenciesOf } from '../../../sql/model.ts'
import { fixtureContext } from '../../helpers/model-fixture.ts'

type Row = Record<string, string>

describe('court_record_lines', () => {
  it('record k of a file is on its k-th line the reader did not reject (header is line 1)', async () => {
    const db = await buildCourtSources([
      [line('A1'), 'too,few,fields', line('A2'), 'x,y', line('A3')],
      [line('B1'), line('B2')],
    ])
    const rows = await db.rows<Row>(
      'select l.file_index, l.record, l.line, r.court_case_number from court_record_lines l join raw_court_index_rows r using (file_index, record) order by 1, 2',
    )
    const n = Number(await db.scalar('select count(*) from raw_court_index_rows'))
    db.close()
    expect(rows.map((r) => [String(r.file_index), r.record, r.line, r.court_case_number])).toEqual([
      ['1', '1', '2', 'A1'],
      ['1', '2', '4', 'A2'],
      ['1', '3', '6', 'A3'],
      ['2', '1', '2', 'B1'],
      ['2', '2', '3', 'B2'],
    ])
    // Grain: exactly one line per loaded record.
    expect(rows).toHaveLength(n)
  })

  it('a file with no rejected line: lines follow records one to one', async () => {
    const db = await buildCourtSources([[line('A1'), line('A2')]])
    const rows = await db.rows<Row>('select record, line from court_record_lines order by record')
    db.close()
    expect(rows.map((r) => [r.record, r.line])).toEqual([
      ['1', '2'],
      ['2', '3'],
    ])
  })

  it('declares raw_court_index_rows, the relation its SELECT names', () => {
    const m = courtRecordLines('select file_index, record, 2 as line from raw_court_index_rows')
    expect(dependenciesOf(m, fixtureContext())).toEqual(['raw_court_index_rows'])
  })
})
