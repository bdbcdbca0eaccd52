/**
 * ingest_rejects: every input line the reader did not load, one row per (file, line), with the reader's first
 * error, the raw text and the SUBJECT_ID(s) the text names, read from the text itself (the reader's columns are
 * not trusted on a bad line).
 */
import { describe, expect, it } from 'vitest'
import { runOverExtract, type ExtractLine } from '../../helpers/doj-extract-run.ts'
import { dojRow, toCsvLine } from '../../helpers/doj-fixture.ts'
import { DOJ_COLUMN_COUNT } from '../../../data-contracts/doj-extract.contract.ts'
import { ingest_rejects, REJECT_TEXT_CHARS } from '../../../sql/staging/ingest_rejects.ts'

interface Reject {
  file: string
  line: string
  reason: string
  raw_text: string
  subject_id: string | null
  subject_ids: string[]
}

const NUL = String.fromCharCode(0)
const good = (id: string) => toCsvLine(dojRow({ SUBJECT_ID: id, PRI_NAME: 'DOE,JANE' }))
/** A good line with no quote in it (a quote would close an unterminated one). */
const plain = (id: string) => toCsvLine(dojRow({ SUBJECT_ID: id, PRI_NAME: 'DOE' }))
/** A line with `n` fields, SUBJECT_ID (third field) = id. */
const fields = (n: number, id: string) => ['1', '', id, ...Array<string>(n - 3).fill('x')].join(',')

async function rejects(
  lines: readonly ExtractLine[],
): Promise<{ rows: Reject[]; loaded: string[]; path: string }> {
  const run = await runOverExtract(ingest_rejects, lines)
  try {
    const rows = await run.rows<Reject>('file, line')
    const loaded = (
      await run.db.rows<{ subject_id: string }>('select subject_id from stg_doj_rows order by 1')
    ).map((r) => r.subject_id)
    return { rows, loaded, path: run.path }
  } finally {
    run.close()
  }
}

describe('ingest_rejects', () => {
  it('a clean file has no rejects', async () => {
    const { rows, loaded } = await rejects([good('S1'), good('S2')])
    expect(rows).toEqual([])
    expect(loaded).toEqual(['S1', 'S2'])
  })

  it('too few and too many fields: one row per line, the first error, the text and its SUBJECT_ID', async () => {
    const short = fields(5, 'S5')
    const long = fields(DOJ_COLUMN_COUNT + 1, 'S6')
    const { rows, loaded, path } = await rejects([good('S1'), short, good('S2'), long])
    expect(loaded).toEqual(['S1', 'S2'])
    // The reader logs one error per missing column; the model keeps one row for the line.
    expect(rows).toEqual([
      {
        file: path,
        line: '3',
        reason: `MISSING COLUMNS: Expected Number of Columns: ${DOJ_COLUMN_COUNT} Found: 5`,
        raw_text: short,
        subject_id: 'S5',
        subject_ids: ['S5'],
      },
      {
        file: path,
        line: '5',
        reason: `TOO MANY COLUMNS: Expected Number of Columns: ${DOJ_COLUMN_COUNT} Found: ${DOJ_COLUMN_COUNT + 1}`,
        raw_text: long,
        subject_id: 'S6',
        subject_ids: ['S6'],
      },
    ])
  })

  it('the SUBJECT_ID is read from a quoted or padded third field; a line without one names nobody', async () => {
    // (A file must hold one well-formed line to be taken for a DOJ extract at all.)
    const { rows } = await rejects([
      ['1', '', '"S7"', 'x'].join(','),
      ['1', '', ' S8 ', 'x'].join(','),
      ['1', '', '', 'x'].join(','),
      'garbage',
      good('S1'),
    ])
    expect(rows.map((r) => [r.line, r.subject_id, r.subject_ids])).toEqual([
      ['2', 'S7', ['S7']],
      ['3', 'S8', ['S8']],
      ['4', null, []],
      ['5', null, []],
    ])
  })

  it('an unterminated quote swallows the lines after it: one reject naming every person on them', async () => {
    const broken = toCsvLine(dojRow({ SUBJECT_ID: 'S3', PRI_NAME: 'DOE' })).replace(',DOE,', ',"DOE,')
    const { rows, loaded } = await rejects([good('S1'), broken, plain('S4'), plain('S6')])
    expect(loaded).toEqual(['S1'])
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ line: '3', subject_id: 'S3' })
    expect(rows[0]!.reason).toMatch(/^UNQUOTED VALUE/)
    expect(rows[0]!.raw_text.split('\n').filter(Boolean)).toEqual([broken, plain('S4'), plain('S6')])
    expect([...rows[0]!.subject_ids].sort()).toEqual(['S3', 'S4', 'S6'])
  })

  it('raw text: NUL bytes removed, cut to REJECT_TEXT_CHARS with a note in the reason', async () => {
    const huge = fields(DOJ_COLUMN_COUNT + 1, 'S9').replace(',x,', `,${'y'.repeat(REJECT_TEXT_CHARS + 500)},`)
    const { rows } = await rejects([good('S1'), `1,,S8${NUL},x`, huge])
    expect(rows[0]).toMatchObject({ raw_text: '1,,S8,x', subject_id: 'S8' })
    expect(rows[1]!.raw_text).toHaveLength(REJECT_TEXT_CHARS)
    expect(rows[1]!.raw_text).toBe(huge.slice(0, REJECT_TEXT_CHARS))
    expect(rows[1]!.reason).toMatch(/^TOO MANY COLUMNS: .* \(raw_text is the start of the line\)$/)
    expect(rows[1]!.subject_id).toBe('S9')
  })

  it('grain: one row per (file, line) whatever the mix of errors', async () => {
    const lines: string[] = []
    for (let i = 0; i < 12; i++)
      lines.push(i % 3 === 0 ? good(`G${i}`) : fields(i % 3 === 1 ? 4 : DOJ_COLUMN_COUNT + 2, `B${i}`))
    const { rows, loaded } = await rejects(lines)
    expect(loaded).toHaveLength(4)
    expect(rows).toHaveLength(8)
    expect(new Set(rows.map((r) => `${r.file}:${r.line}`)).size).toBe(rows.length)
    expect(rows.map((r) => r.subject_id).sort()).toEqual(
      lines
        .map((_, i) => (i % 3 === 0 ? null : `B${i}`))
        .filter((s): s is string => s !== null)
        .sort(),
    )
  })
})
