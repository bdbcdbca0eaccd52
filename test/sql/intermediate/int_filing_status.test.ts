import { describe, expect, it } from 'vitest'
import { runModel, type Cell } from '../../helpers/model-fixture.ts'
import { countDeterminations, countRow } from '../../helpers/count-determinations-fixture.ts'
import { int_filing_status } from '../../../sql/intermediate/int_filing_status.ts'

type Row = Record<string, unknown>

const LEDGER = {
  county: 'varchar',
  case_number: 'varchar',
  case_key: 'varchar',
  cnt_order: 'varchar',
  ruling: 'varchar',
  ruling_date: 'date',
  order_text: 'varchar',
  doj_updated_date: 'date',
  source_file: 'varchar',
  line: 'bigint',
}

async function status(counts: Record<string, Cell>[], ledger: Record<string, Cell>[]): Promise<Row[]> {
  const run = await runModel(int_filing_status, {
    count_determinations: countDeterminations(counts),
    filing_ledger: { columns: LEDGER, rows: ledger },
  })
  const rows = await run.rows<Row>('subject_id, cnt_order')
  run.close()
  return rows
}

const ruling = (
  case_key: string,
  cnt_order: string,
  r: string,
  date: string,
  over: Record<string, Cell> = {},
) => ({
  county: 'ALAMEDA',
  case_key,
  cnt_order,
  ruling: r,
  ruling_date: date,
  ...over,
})

describe('int_filing_status', () => {
  it('one row per Prop 64 count; identified = filed = relief; pending until a ruling other than continued', async () => {
    const rows = await status(
      [
        countRow({ subject_id: 'A', cnt_order: '001001001000', case_number: 'CASE-0001' }),
        countRow({ subject_id: 'B', cnt_order: '001001001000', case_number: 'B1', determination: 'reduce' }),
        countRow({ subject_id: 'C', cnt_order: '001001001000', case_number: 'C1', determination: 'review' }),
        // A related non-Prop 64 count (P64-SCOPE-01) is never on a motion: not in the ledger's view.
        countRow({
          subject_id: 'D',
          cnt_order: '001001001000',
          determination: 'not_eligible',
          statute_rule_id: 'P64-SCOPE-01',
        }),
      ],
      [
        // Matched by normalised case number and CNT_ORDER; the latest ruling wins.
        ruling('CASE1', '001001001000', 'continued', '2020-01-01'),
        ruling('CASE1', '001001001000', 'granted', '2020-03-01', {
          doj_updated_date: '2020-04-01',
          order_text: 'Order 7',
        }),
        ruling('B1', '001001001000', 'continued', '2020-02-01'),
        // Another county's ruling on the same key is not this count's.
        ruling('C1', '001001001000', 'granted', '2020-02-01', { county: 'FRESNO' }),
      ],
    )
    expect(
      rows.map((r) => [r.subject_id, r.identified, r.filed, r.ruling, r.pending, r.doj_updated]),
    ).toEqual([
      ['A', true, true, 'granted', false, true],
      ['B', true, true, 'continued', true, false],
      ['C', false, false, null, false, false],
    ])
    expect(rows[0]).toMatchObject({ order_text: 'Order 7' })
    expect(String(rows[0]!.ruling_date)).toBe('2020-03-01')
  })

  it('granted without a DOJ update is not yet updated; no ruling yet is pending', async () => {
    const rows = await status(
      [
        countRow({ subject_id: 'A', case_number: 'X1', cnt_order: '1' }),
        countRow({ subject_id: 'B', case_number: 'X2', cnt_order: '1' }),
      ],
      [ruling('X1', '1', 'granted', '2021-01-01')],
    )
    expect(rows.map((r) => [r.subject_id, r.ruling, r.pending, r.doj_updated])).toEqual([
      ['A', 'granted', false, false],
      ['B', null, true, false],
    ])
  })
})
