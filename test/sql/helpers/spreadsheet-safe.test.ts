import { afterAll, describe, expect, it } from 'vitest'
import { DuckDBInstance } from '@duckdb/node-api'
import { spreadsheetSafeSelect } from '../../../sql/helpers/spreadsheet-safe.ts'
import { spreadsheetSafe } from '../../../data-contracts/outputs/spreadsheet-safety.ts'

const CELLS = [
  '=HYPERLINK("http://x","y")',
  '+1+1',
  '-2+3',
  '@SUM(A1)',
  '\tTAB',
  '\rCR',
  'SMITH, JOHN',
  '',
  'A=B',
]
const SAFE = [
  '\'=HYPERLINK("http://x","y")',
  "'+1+1",
  "'-2+3",
  "'@SUM(A1)",
  "'\tTAB",
  "'\rCR",
  'SMITH, JOHN',
  '',
  'A=B',
]

describe('spreadsheet safety (OWASP CSV injection)', () => {
  it('prefixes a text cell that a spreadsheet would read as a formula, and leaves others alone', () => {
    expect(CELLS.map(spreadsheetSafe)).toEqual(SAFE)
  })

  const inst = DuckDBInstance.create(':memory:')
  afterAll(async () => (await inst).closeSync())

  it('does the same in SQL for the text columns of a COPY, keeping numbers and column order', async () => {
    const con = await (await inst).connect()
    const values = CELLS.map((c, i) => `(${i}, '${c.replaceAll("'", "''")}', -${i})`).join(', ')
    const select = `select * from (values ${values}) t(id, name, n) order by id`
    const safe = spreadsheetSafeSelect(select, [
      { name: 'id', text: false },
      { name: 'name', text: true },
      { name: 'n', text: false },
    ])
    const rows = (await con.runAndReadAll(`${safe}`)).getRowObjectsJS()
    expect(rows.map((r) => r.name)).toEqual(SAFE)
    expect(rows.map((r) => Number(r.n))).toEqual(CELLS.map((_, i) => 0 - i || 0))
    expect(Object.keys(rows[0]!)).toEqual(['id', 'name', 'n'])
    con.closeSync()
  })
})
