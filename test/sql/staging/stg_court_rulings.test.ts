import { describe, expect, it } from 'vitest'
import { runModel, type Cell } from '../../helpers/model-fixture.ts'
import { ref_counties } from '../../../sql/seeds/reference_tables.ts'
import { stgCourtRulings } from '../../../sql/staging/stg_court_rulings.ts'

type Row = Record<string, unknown>

const COLUMNS = {
  file_index: 'bigint',
  record: 'bigint',
  county: 'varchar',
  case_number: 'varchar',
  cnt_order: 'varchar',
  ruling: 'varchar',
  ruling_date: 'varchar',
  order_text: 'varchar',
  doj_updated_date: 'varchar',
  filename: 'varchar',
}

/** One granted ruling in ORANGE unless overridden; record k on line k + 1. */
async function staged(rulings: Record<string, Cell>[]): Promise<Row[]> {
  const rows = rulings.map((r, i) => ({
    file_index: 1,
    record: i + 1,
    county: 'Orange',
    case_number: '05-CR-01234',
    cnt_order: '001001001000',
    ruling: 'Granted',
    ruling_date: '2020-01-15',
    filename: 'rulings.csv',
    ...r,
  }))
  const run = await runModel(
    stgCourtRulings('select file_index, record, record + 1 as line from raw_court_rulings'),
    { raw_court_rulings: { columns: COLUMNS, rows } },
    { seeds: [ref_counties] },
  )
  const out = await run.rows<Row>('line')
  run.close()
  return out
}

describe('stg_court_rulings', () => {
  it('one row per record read, keys normalised like the court index, dates in either form', async () => {
    const rows = await staged([
      {},
      { ruling: ' DENIED ', ruling_date: '20200201', doj_updated_date: '2020-03-01' },
    ])
    expect(rows).toHaveLength(2)
    expect(rows[0]).toMatchObject({
      source_file: 'rulings.csv',
      line: '2',
      county: 'ORANGE',
      case_number: '05-CR-01234',
      case_key: '5CR1234',
      cnt_order: '001001001000',
      ruling: 'granted',
      doj_updated_date: null,
      reject_reason: null,
    })
    expect(String(rows[1]!.ruling_date)).toBe('2020-02-01')
    expect(String(rows[1]!.doj_updated_date)).toBe('2020-03-01')
    expect(rows[1]).toMatchObject({ ruling: 'denied', reject_reason: null })
  })

  it('a ruling that cannot be placed on a count or in time says why', async () => {
    const rows = await staged([
      { county: 'Atlantis' },
      { case_number: ' - ' },
      { cnt_order: '' },
      { ruling: 'maybe' },
      { ruling_date: '15/01/2020' },
      { doj_updated_date: 'soon' },
    ])
    expect(rows.map((r) => r.reject_reason)).toEqual([
      'county "ATLANTIS" is not a California county',
      'no case_number',
      'no cnt_order',
      'ruling "maybe" is not one of granted, denied, continued, withdrawn',
      'ruling_date missing or not YYYY-MM-DD / YYYYMMDD',
      'doj_updated_date not YYYY-MM-DD / YYYYMMDD',
    ])
  })
})
