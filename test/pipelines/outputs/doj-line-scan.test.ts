/**
 * The DOJ step's line scan (doj-line-scan.ts): its trim is DuckDB's, its formula test is the parsing path's
 * regular expression, it hashes the whole input, finds each wanted line's bytes (a CRLF line end excluded), and
 * gives the input up at a line DuckDB's reader would read differently from a plain split.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDb, type Db } from '../../../pipelines/lib/duckdb.ts'
import {
  isConvicted,
  mayStartFormula,
  scanCountLines,
  trimSpaces,
} from '../../../pipelines/outputs/doj-line-scan.ts'
import { lit } from '../../../sql/helpers/quote.ts'
import { convictedDisposition } from '../../../sql/helpers/sql-fragments.ts'
import { dojRow, toCsvLine } from '../../helpers/doj-fixture.ts'
import { DOJ_COLUMN_NAMES } from '../../../data-contracts/doj-extract.contract.ts'

let db: Db
beforeAll(async () => {
  db = await openDb(':memory:')
})
afterAll(() => db.close())

const dir = mkdtempSync(join(tmpdir(), 'relief-line-scan-'))
function file(lines: string[], name: string, eol = '\n'): string {
  const path = join(dir, name)
  writeFileSync(path, [DOJ_COLUMN_NAMES.join(','), ...lines].join(eol) + eol)
  return path
}
const line = (subject: string, cnt: string, disp: string, extra: Record<string, string> = {}) =>
  toCsvLine(dojRow({ SUBJECT_ID: subject, CNT_ORDER: cnt, DISP_DESCR: disp, ...extra }))

describe('trimSpaces', () => {
  it("is DuckDB's trim() on text padded with spaces, no-break and other space separators, tabs, line breaks (property)", async () => {
    const pad = fc.array(fc.constantFrom(' ', '\u00a0', '\u2003', '\u3000', '\t', '\n', '\u200b'), {
      maxLength: 3,
    })
    const cases = fc.array(
      fc.tuple(pad, fc.string({ maxLength: 6 }), pad).map(([a, s, b]) => a.join('') + s + b.join('')),
      { minLength: 1, maxLength: 40 },
    )
    await fc.assert(
      fc.asyncProperty(cases, async (values) => {
        const rows = await db.rows<{ t: string }>(
          `select trim(v) as t from (values ${values.map((v) => `(${lit(v)})`).join(', ')}) x(v)`,
        )
        expect(values.map(trimSpaces)).toEqual(rows.map((r) => r.t))
      }),
      { numRuns: 40 },
    )
  })
})

describe('mayStartFormula', () => {
  it("is the parsing path's regular expression over the raw line (property)", () => {
    const re = /(^|,)"?[=+\-@\t\r]/
    const text = fc.array(fc.constantFrom('a', ',', '"', '=', '+', '-', '@', '\t', '\r', 'Z', ' '), {
      maxLength: 24,
    })
    fc.assert(
      fc.property(text, (chars) => {
        const s = chars.join('')
        const bytes = Buffer.from(s, 'latin1')
        expect(mayStartFormula(bytes, 0, bytes.length)).toBe(re.test(s))
      }),
      { numRuns: 500 },
    )
  })
})

describe('isConvicted', () => {
  it("is convictedDisposition (upper(trim(x)) LIKE 'CONVICTED%'), the files' and staging's test, on the field as it stands in the line (property)", async () => {
    // Mostly the word's own letters in either case (the dotless ı for I), now and then a wrong one.
    const letter = (ch: string) =>
      fc.oneof(
        { weight: 12, arbitrary: fc.constantFrom(ch, ch.toLowerCase(), ...(ch === 'I' ? ['ı'] : [])) },
        { weight: 1, arbitrary: fc.constantFrom('X', '"') },
      )
    const word = fc.tuple(...[...'CONVICTED'].map(letter)).map((cs) => cs.join(''))
    const value = fc
      .tuple(fc.constantFrom('', ' ', '\u00a0', '\t'), word, fc.constantFrom('', '-PROBATION', ' ', ','))
      .map((p) => p.join(''))
    const seen = new Set<boolean>()
    const field = (v: string) => (/[",]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)
    await fc.assert(
      fc.asyncProperty(fc.array(value, { minLength: 1, maxLength: 30 }), async (values) => {
        const rows = await db.rows<{ c: boolean }>(
          `select ${convictedDisposition('v')} as c from (values ${values.map((v) => `(${lit(v)})`).join(', ')}) x(v)`,
        )
        const latin1 = (v: string) => Buffer.from(field(v), 'utf8').toString('latin1')
        expect(values.map((v) => isConvicted(latin1(v)))).toEqual(rows.map((r) => r.c))
        for (const r of rows) seen.add(r.c)
      }),
      { numRuns: 60 },
    )
    expect([...seen].sort()).toEqual([false, true]) // both answers were asked for
  })
})

describe('scanCountLines', () => {
  const ranks = new Map([
    ['1|A', 0],
    ['2|B', 1],
  ])
  const rankOf = (s: string, c: string) => ranks.get(`${s}|${c}`)

  it('finds the wanted lines, their bytes and ranks, and hashes the whole file', async () => {
    const lines = [
      line('1', 'A', 'CONVICTED'),
      line('1', 'A', 'DISMISSED', { COMMENT_TEXT: 'NOT CONVICTED' }), // the word, not a conviction
      line(' 2 ', 'B', ' convıcted-probation', { PRI_NAME: 'MÜLLER, "J"', COMMENT_TEXT: '=1+1' }),
      line('3', 'A', 'CONVICTED'), // not an in-scope count
    ]
    for (const eol of ['\n', '\r\n']) {
      const path = file(lines, `wanted${eol.length}.csv`, eol)
      const scan = await scanCountLines(path, true, rankOf)
      expect(scan.kind).toBe('lines')
      if (scan.kind !== 'lines') return
      const bytes = readFileSync(path)
      expect(scan.sha256).toBe(createHash('sha256').update(bytes).digest('hex'))
      const found = Array.from({ length: scan.lines.n }, (_, i) => ({
        rank: scan.lines.rank[i],
        text: bytes.subarray(scan.lines.start[i], scan.lines.start[i]! + scan.lines.length[i]!).toString(),
        kept: scan.lines.blocks[scan.lines.block[i]!]!.subarray(
          scan.lines.offset[i],
          scan.lines.offset[i]! + scan.lines.length[i]!,
        ),
        formula: scan.lines.formula[i],
      }))
      expect(found.map((f) => [f.rank, f.text, f.formula])).toEqual([
        [0, lines[0], 0],
        [1, lines[2], 1],
      ])
      for (const f of found) expect(f.kept.toString()).toBe(f.text)
    }
  })

  it('gives the input up at a line a plain split would read differently from DuckDB', async () => {
    const ok = line('1', 'A', 'CONVICTED')
    const quirks = {
      'a quote inside an unquoted field': ok.replace('CONVICTED', 'CONVICTED"X'),
      'text after a closing quote': ok.replace('CONVICTED', '"CONVICTED"X'),
      'a field too many': `${ok},`,
      'a field too few': ok.replace(/,$/, ''),
      'a lone carriage return': ok.replace('CONVICTED', 'CONVICTED\rX'),
    }
    for (const [what, bad] of Object.entries(quirks)) {
      const scan = await scanCountLines(file([ok, bad], 'quirk.csv'), true, rankOf)
      expect(scan.kind, what).toBe('quirk')
    }
    // A byte-order mark before a first line that is data (no header to carry it).
    const bom = join(dir, 'bom.csv')
    writeFileSync(bom, `\ufeff${ok}\n`)
    expect((await scanCountLines(bom, false, rankOf)).kind).toBe('quirk')
    // The same lines without the word are never split, so they cannot send the input to the parsing path.
    const unseen = await scanCountLines(
      file([ok, `${line('9', 'Z', 'DISMISSED')},`], 'unseen.csv'),
      true,
      rankOf,
    )
    expect(unseen.kind).toBe('lines')
  })
})
