/**
 * The DOJ files' eligibility columns are built as CSV text in SQL (csvLine): plain fields (booleans, counts,
 * dates, years) directly, text fields through the quoting lambda. Whatever the values, the text must parse back
 * to the spreadsheet-safe values, field for field, NULL as an empty field and '' as a quoted empty one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { parse } from 'csv-parse/sync'
import { openDb, type Db } from '../../../pipelines/lib/duckdb.ts'
import { csvLine } from '../../../pipelines/outputs/doj-results-sql.ts'
import { spreadsheetSafe } from '../../../data-contracts/outputs/spreadsheet-safety.ts'
import { lit } from '../../../sql/helpers/quote.ts'

let db: Db
beforeAll(async () => {
  db = await openDb(':memory:')
})
afterAll(() => db.close())

/** A plain value as the marts give it: a boolean, a count, a date, or years (negative after the as-of date). */
const plainValue = fc.option(
  fc.oneof(
    fc.boolean().map(String),
    fc.nat(999).map(String),
    fc
      .date({ min: new Date('1970-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10).replaceAll('-', '')),
    fc.integer({ min: -5000, max: 5000 }).map((n) => (n / 100).toFixed(2)),
  ),
  { nil: null },
)
/** A text value: anything, with the characters CSV and spreadsheets care about made likely. */
const textValue = fc.option(fc.stringMatching(/^[=+\-@\t\r\n",; a-zA-Z0-9]{0,12}$/), { nil: null })
const field = fc.oneof(
  plainValue.map((v) => ({ v, plain: true })),
  textValue.map((v) => ({ v, plain: false })),
)

describe('csvLine: the eligibility columns as CSV text', () => {
  it('property: parses back to the spreadsheet-safe values, whichever fields are plain', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(field, { minLength: 1, maxLength: 8 }), async (fields) => {
        const expr = csvLine(
          fields.map((f) => ({
            expr: f.v === null ? 'null::varchar' : `${lit(f.v)}::varchar`,
            plain: f.plain,
          })),
        )
        const text = await db.scalar<string>(`select ${expr}`)
        // A leading field so that a line of one empty field is still a line.
        const [parsed] = parse(`x,${text}`) as string[][]
        expect(parsed!.slice(1)).toEqual(fields.map((f) => (f.v === null ? '' : spreadsheetSafe(f.v))))
      }),
      { numRuns: 150 },
    )
  })

  it('NULL is an empty field and the empty string a quoted one, plain or text', async () => {
    const expr = csvLine([
      { expr: 'null::varchar', plain: true },
      { expr: 'null::varchar', plain: false },
      { expr: "''", plain: false },
      { expr: "'-1.50'", plain: true },
      { expr: `'a, "b"'`, plain: false },
    ])
    expect(await db.scalar<string>(`select ${expr}`)).toBe(`,,"",'-1.50,"a, ""b"""`)
  })
})
