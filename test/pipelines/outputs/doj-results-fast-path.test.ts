/**
 * The DOJ step's fast path (doj-results-sql.ts): candidate lines picked from whole lines, then parsed. A line
 * kept as read must come back byte for byte; a line with a field that may start a formula is rebuilt and made
 * safe; an input with a multi-line record is parsed in full and gives the same values; and the candidate filter
 * never drops a line the exact filter wants.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { openDb } from '../../../pipelines/lib/duckdb.ts'
import { runPipeline } from '../../../pipelines/run/run-pipeline.ts'
import { CANDIDATE_FILTER } from '../../../pipelines/outputs/doj-results-sql.ts'
import { lit } from '../../../sql/helpers/quote.ts'
import { DOJ_COLUMN_NAMES, type DojRow } from '../../../data-contracts/doj-extract.contract.ts'
import { conviction, dojRow, toCsvLine, writeExtract } from '../../helpers/doj-fixture.ts'

const AS_OF = '2026-01-01'
const misd = { level: 'MISDEMEANOR' as const, toc: 'M' as const, county: 'YOLO', court: 'CASC WOODLAND' }
const at = (n: string) => DOJ_COLUMN_NAMES.indexOf(n as (typeof DOJ_COLUMN_NAMES)[number])

/** Three in-scope counts whose CONVICTED lines carry a comma in a quoted field, mixed case, and a formula. */
function rows(comment3: string): DojRow[] {
  const base = { offense: '11357(B) HS-POSSESS MARIJUANA', convicted: '20050301', ...misd }
  return [
    ...conviction({ ...base, subject: '300001', cnt: '001001001000', comment: 'PER PLEA, AMENDED' }),
    ...conviction({
      ...base,
      subject: '300002',
      cnt: '001001001000',
      disposition: 'Convicted-Probation',
      name: 'O"NEIL,PAT',
    }),
    ...conviction({ ...base, subject: '300003', cnt: '001001001000', comment: comment3 }),
    // Not a conviction: never in the file, though it mentions the word.
    dojRow({
      SUBJECT_ID: '300001',
      CNT_ORDER: '001001002000',
      DISP_DESCR: 'DISMISSED',
      COMMENT_TEXT: 'NOT CONVICTED',
    }),
  ]
}

async function run(extractRows: DojRow[], edit: (text: string) => string = (t) => t): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'relief-doj-fast-'))
  const extract = writeExtract(extractRows, { dir })
  writeFileSync(extract, edit(readFileSync(extract, 'utf8')))
  const out = join(dir, 'run')
  await runPipeline({ inputs: [extract], out, asOf: AS_OF, quiet: true })
  const doj = join(out, 'restricted', 'doj')
  expect(readdirSync(doj)).toEqual(['yolo_results.csv'])
  const text = readFileSync(join(doj, 'yolo_results.csv'), 'utf8')
  const decided = (
    parse(readFileSync(join(out, 'count_determinations.csv'), 'utf8'), { columns: true }) as {
      subject_id: string
    }[]
  ).map((r) => r.subject_id)
  return { lines: text.split('\n').slice(1, -1), input: readFileSync(extract, 'utf8').split('\n'), decided }
}

const FORMULA = '=HYPERLINK("http://x","y")'
/** The DOJ file's lines, the input's lines, and the people the run decided counts for. */
interface Run {
  lines: string[]
  input: string[]
  decided: string[]
}
let oneLine: Run
let multiLine: Run
let afterBadQuote: Run

/** Twenty in-scope counts, each one CONVICTED line, after a line whose name field opens a quote it never closes. */
function afterUnterminatedQuote(): DojRow[] {
  const base = { offense: '11357(B) HS-POSSESS MARIJUANA', convicted: '20050301', ...misd }
  const broken = dojRow({ SUBJECT_ID: '399999', PRI_NAME: 'SMITH' })
  return [
    ...conviction({ ...base, subject: '300001', cnt: '001001001000' }),
    { ...broken, PRI_NAME: '\u0000BROKEN' },
    ...Array.from({ length: 20 }, (_, i) =>
      conviction({ ...base, subject: String(310000 + i), cnt: '001001001000' }),
    ).flat(),
  ]
}

beforeAll(async () => {
  oneLine = await run(rows(FORMULA))
  // A record over two physical lines: the ledger says so, and the input is parsed in full.
  multiLine = await run(rows(`${FORMULA}\nSECOND LINE`))
  afterBadQuote = await run(afterUnterminatedQuote(), (text) => text.replace('\u0000BROKEN', '"BROKEN'))
}, 60_000)

describe('DOJ result files, fast path', () => {
  it('write a line kept as read byte for byte: a quoted field with a comma, an escaped quote, mixed case', () => {
    const comma = oneLine.input.find((l) => l.includes('PER PLEA, AMENDED') && l.includes('CONVICTED'))!
    const quoted = oneLine.input.find((l) => l.includes('O""NEIL'))!
    expect(comma).toContain('"PER PLEA, AMENDED"')
    expect(oneLine.lines.filter((l) => l.startsWith(`${comma},`))).toHaveLength(1)
    expect(oneLine.lines.filter((l) => l.startsWith(`${quoted},`))).toHaveLength(1)
    expect(oneLine.lines).toHaveLength(3)
  })

  it('rebuild a line with a field that may start a formula, the field made safe, the others unchanged', () => {
    const original = parse(oneLine.input.find((l) => l.includes('HYPERLINK'))!)[0] as string[]
    const row = (parse(oneLine.lines.find((l) => l.includes('HYPERLINK'))!)[0] as string[]).slice(
      0,
      DOJ_COLUMN_NAMES.length,
    )
    expect(row[at('COMMENT_TEXT')]).toBe(`'${FORMULA}`)
    expect(row.filter((_, i) => i !== at('COMMENT_TEXT'))).toEqual(
      original.filter((_, i) => i !== at('COMMENT_TEXT')),
    )
  })

  it('parse an input with a multi-line record in full: the same rows, the same values', () => {
    const values = (lines: string[]) => parse(lines.join('\n')) as string[][]
    const multi = values(multiLine.lines)
    const one = values(oneLine.lines)
    expect(multi).toHaveLength(3)
    const c = at('COMMENT_TEXT')
    expect(multi.map((r) => r[c])).toEqual(
      one.map((r) => (r[c] === `'${FORMULA}` ? `'${FORMULA}\nSECOND LINE` : r[c])),
    )
    const rest = (rs: string[][]) => rs.map((r) => r.filter((_, i) => i !== c))
    expect(rest(multi)).toEqual(rest(one))
  })

  it('skip only what ingest skipped after an unterminated quote: every decided count is still written', () => {
    // DuckDB's ignore_errors dropped every line after such a quote; the re-read now skips what ingest rejected.
    expect(afterBadQuote.input.some((l) => l.includes(',"BROKEN,'))).toBe(true)
    const subjects = afterBadQuote.lines.map((l) => (parse(l)[0] as string[])[at('SUBJECT_ID')])
    // The quote runs on into the next line, so ingest rejects that one too; the 19 after it are decided.
    expect(afterBadQuote.decided.filter((s) => s >= '310000')).toHaveLength(19)
    expect(subjects).toEqual([...afterBadQuote.decided].sort())
  })
})

describe('the candidate filter', () => {
  // Any case, padding, and letters that upper() maps onto ASCII (dotless ı, long ſ, Kelvin K).
  const letter = (ch: string) =>
    fc.constantFrom(
      ch.toLowerCase(),
      ch.toUpperCase(),
      ...(ch === 'i' ? ['ı'] : []),
      ...(ch === 's' ? ['ſ'] : []),
    )
  const convicted = fc.tuple(...[...'convicted'].map(letter)).map((cs) => cs.join(''))
  const descr = fc.tuple(fc.constantFrom('', ' ', '  '), convicted, fc.string({ maxLength: 12 }))
  const field = fc.string({ maxLength: 8 })

  it('keeps every line whose DISP_DESCR the exact filter takes for a conviction (property)', async () => {
    const db = await openDb(':memory:')
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.tuple(
              fc.oneof(
                descr.map((d) => d.join('')),
                fc.string({ maxLength: 14 }),
              ),
              field,
              field,
            ),
            {
              minLength: 1,
              maxLength: 30,
            },
          ),
          async (cases) => {
            const values = cases.map(([d, name, comment]) => {
              const line = toCsvLine(
                dojRow({ SUBJECT_ID: '1', DISP_DESCR: d, PRI_NAME: name, COMMENT_TEXT: comment }),
              )
              return `(${lit(d)}, ${lit(line)})`
            })
            const dropped =
              await db.scalar<bigint>(`select count(*) from (values ${values.join(', ')}) v(d, line)
              where upper(trim(d)) like 'CONVICTED%' and not regexp_matches(line, ${lit(CANDIDATE_FILTER)})`)
            expect(dropped).toBe(0n)
          },
        ),
        { numRuns: 60 },
      )
      // The property is not vacuous: the filter does drop lines without the word.
      expect(
        await db.scalar<boolean>(`select regexp_matches('a,DISMISSED,b', ${lit(CANDIDATE_FILTER)})`),
      ).toBe(false)
      expect(await db.scalar<boolean>(`select upper(trim(' convıcted')) like 'CONVICTED%'`)).toBe(true)
    } finally {
      db.close()
    }
  })
})
