/**
 * Issue 12, inputs: a delivery loaded twice, line endings, BOM, NUL bytes, over-long lines, header-only files,
 * and a ledger that does not balance. Each case is a file a real user could hand the tool.
 */
import { describe, expect, it } from 'vitest'
import { copyFileSync, existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { relief } from '../../helpers/run-cli.ts'
import { runPipeline } from '../../../pipelines/run/run-pipeline.ts'
import { felonySaleLines } from '../../helpers/doj-fixture.ts'
import { DOJ_COLUMN_NAMES } from '../../../data-contracts/doj-extract.contract.ts'
import { openDb } from '../../../pipelines/lib/duckdb.ts'
import { reconcile } from '../../../pipelines/ingest/reconcile.ts'
import { RecordCounter } from '../../../pipelines/ingest/file-ledger.ts'

const tmp = () => mkdtempSync(join(tmpdir(), 'relief-safety-'))
const HEADER = DOJ_COLUMN_NAMES.join(',')
type Row = Record<string, string>

/** A felony 11359 of 2005 sentenced to 2 years in two parts (1 year each). */
const sold = (subject: string, comment = '') => felonySaleLines(subject, { comment })

async function run(file: string) {
  const out = join(tmp(), 'out')
  const r = await runPipeline({
    inputs: [file],
    out,
    asOf: '2026-01-01',
    quiet: true,
    determinationsOnly: true,
  })
  const rows = parse(readFileSync(join(out, 'count_determinations.csv')), { columns: true }) as Row[]
  const rejects = parse(readFileSync(join(out, 'rejects.csv')), { columns: true }) as Row[]
  return { manifest: r.manifest, rows, rejects, out }
}

function expectRefused(args: string[], pattern: RegExp) {
  const out = tmp()
  const r = relief(['run', ...args, '--out', out, '--as-of', '2026-01-01'])
  expect(r.code, r.stderr).toBe(2)
  // Phase timings may precede it on stderr; the error itself is one line, without a stack.
  const lines = r.stderr.split('\n').filter((l) => l.trim() && !/^ {2}\S.* \d+\.\d\d s/.test(l))
  expect(lines).toHaveLength(1)
  expect(lines[0]).toMatch(pattern)
  expect(r.stderr).not.toMatch(/\n\s+at /)
  expect(existsSync(join(out, 'count_determinations.csv'))).toBe(false)
}

describe('a delivery loaded twice is refused, an identical line twice counts once', () => {
  const extract = () => {
    const dir = tmp()
    const file = join(dir, 'extract.csv')
    writeFileSync(file, [HEADER, ...sold('1')].join('\n') + '\n')
    return { dir, file }
  }

  it('a copy named "extract (1).csv" beside the original: exit 2, one line naming both', () => {
    const { dir, file } = extract()
    copyFileSync(file, join(dir, 'extract (1).csv'))
    expectRefused(['--input', dir], /extract \(1\)\.csv and .*\/extract\.csv are the same extract/)
  })

  it('a symlink to the same file: exit 2', () => {
    const { dir, file } = extract()
    symlinkSync(file, join(dir, 'link.csv'))
    expectRefused(
      ['--input', file, join(dir, 'link.csv')],
      /extract\.csv and .*link\.csv are the same extract/,
    )
  })

  it('the same path through a glob and by name is one input, loaded once', async () => {
    const { dir, file } = extract()
    const out = join(tmp(), 'out')
    const r = await runPipeline({
      inputs: [file, join(dir, '*.csv')],
      out,
      asOf: '2026-01-01',
      quiet: true,
      determinationsOnly: true,
    })
    expect(r.manifest.inputs).toHaveLength(1)
    expect(r.manifest.totals.rows_loaded).toBe(2)
  })

  it('an identical line twice in one file does not double the sentence', async () => {
    const dir = tmp()
    const once = join(dir, 'once.csv')
    const twice = join(dir, 'twice.csv')
    const lines = sold('1')
    writeFileSync(once, [HEADER, ...lines].join('\n') + '\n')
    writeFileSync(twice, [HEADER, ...lines, lines[1]!].join('\n') + '\n')
    const a = await run(once)
    const b = await run(twice)
    expect(a.rows[0]!.sentence_end_date).toBe('2007-03-01')
    expect(b.rows[0]!.sentence_end_date).toBe(a.rows[0]!.sentence_end_date)
    expect(b.manifest.totals).toMatchObject({ rows_read: 3, rows_loaded: 3, balanced: true })
  })
})

describe('line endings and odd bytes are read, or refused with one line', () => {
  it('CR-only line endings (old Mac) are read, rows counted', async () => {
    const file = join(tmp(), 'mac.csv')
    writeFileSync(file, [HEADER, ...sold('1'), ...sold('2')].join('\r') + '\r')
    const r = await run(file)
    expect(r.manifest.totals).toMatchObject({
      rows_read: 4,
      rows_loaded: 4,
      rows_rejected: 0,
      balanced: true,
    })
    expect(r.rows.map((x) => x.subject_id)).toEqual(['1', '2'])
  })

  it('CRLF line endings, and a lone CR inside an LF file, are read as line breaks', async () => {
    const dir = tmp()
    const [a, b] = sold('1')
    writeFileSync(join(dir, 'crlf.csv'), `${HEADER}\r\n${a}\r\n${b}\r\n`)
    writeFileSync(join(dir, 'mixed.csv'), `${HEADER}\n${a}\r${b}\n`)
    for (const f of ['crlf.csv', 'mixed.csv'])
      expect((await run(join(dir, f))).manifest.totals).toMatchObject({
        rows_read: 2,
        rows_loaded: 2,
        balanced: true,
      })
  })

  it('a lone CR right after a line break (which the reader cannot take) is refused with one line', () => {
    const file = join(tmp(), 'lf-cr.csv')
    const [a, b] = sold('1')
    writeFileSync(file, `${HEADER}\n${a}\n\r${b}\n`)
    expectRefused(
      ['--input', file],
      /lf-cr\.csv: not readable as a DOJ extract: line endings the CSV reader cannot take/,
    )
  })

  it('CRLF mixed with a lone CR (which the reader cannot take) is refused with one line', () => {
    const file = join(tmp(), 'crlf-cr.csv')
    const [a, b] = sold('1')
    writeFileSync(file, `${HEADER}\r\n${a}\r${b}\r\n`)
    expectRefused(['--input', file], /crlf-cr\.csv: mixes CRLF and lone CR line endings/)
  })

  it('a quoted field holding a line break is one record: no fake reject, lines and records both reported', async () => {
    const file = join(tmp(), 'quoted.csv')
    writeFileSync(file, [HEADER, ...sold('1', 'first line\nsecond line'), '1,2,SHORT'].join('\n') + '\n')
    const r = await run(file)
    expect(r.manifest.inputs[0]).toMatchObject({
      lines_read: 5,
      rows_read: 3,
      rows_loaded: 2,
      rows_rejected: 1,
      balanced: true,
    })
    // The short line is physical line 6 (the header, then two records of two lines each).
    expect(r.rejects).toHaveLength(1)
    expect(r.rejects[0]).toMatchObject({ line: '6', raw_text: '1,2,SHORT' })
    expect(r.rejects[0]!.reason).not.toMatch(/CONSUMED/)
  })

  it('a UTF-8 byte order mark (Excel) before the header is read', () => {
    const file = join(tmp(), 'excel.csv')
    writeFileSync(file, '\ufeff' + [HEADER, ...sold('1')].join('\r\n') + '\r\n')
    const out = tmp()
    const r = relief(['run', '--input', file, '--out', out, '--as-of', '2026-01-01'])
    expect(r.code, r.stderr).toBe(0)
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))
    expect(m.totals).toMatchObject({ rows_read: 2, rows_loaded: 2, balanced: true })
  })

  it('NUL bytes are removed and counted, never reach an output', async () => {
    const file = join(tmp(), 'nul.csv')
    const lines = sold('1').map((l) => l.replace('DOE', 'D\0O\0E'))
    writeFileSync(file, [HEADER, ...lines].join('\n') + '\n')
    const r = await run(file)
    expect(r.manifest.inputs[0]).toMatchObject({ rows_loaded: 2, nul_bytes_removed: 4, balanced: true })
    expect(readFileSync(join(r.out, 'count_determinations.csv')).includes(0)).toBe(false)
    const db = await openDb(join(r.out, 'relief.duckdb'))
    try {
      expect(await db.scalar(`select count(*)::int from int_subjects where name = 'DOE,1'`)).toBe(1)
    } finally {
      db.close()
    }
  })

  it("a line over the reader's line limit is rejected with a reason and the start of its text", async () => {
    const file = join(tmp(), 'long.csv')
    const [a, b] = sold('1')
    const long = sold('2', 'X'.repeat(2_100_000))[0]!
    writeFileSync(file, [HEADER, a, long, b].join('\n') + '\n')
    const r = await run(file)
    expect(r.manifest.totals).toMatchObject({
      rows_read: 3,
      rows_loaded: 2,
      rows_rejected: 1,
      balanced: true,
    })
    expect(r.rejects[0]!.line).toBe('3')
    expect(r.rejects[0]!.reason).toMatch(/^LINE SIZE OVER MAXIMUM: .*raw_text is the start of the line/)
    expect(r.rejects[0]!.raw_text.length).toBeLessThanOrEqual(10_000)
    expect(long.startsWith(r.rejects[0]!.raw_text)).toBe(true)
  })

  it('a header-only file: exit 2 with one clear line', () => {
    const file = join(tmp(), 'header-only.csv')
    writeFileSync(file, HEADER + '\n')
    expectRefused(['--input', file], /header-only\.csv: holds the header line only, no data rows$/)
  })

  it('a file whose every line is rejected names the first rejected line and its reason', () => {
    const file = join(tmp(), 'all-bad.csv')
    // Too long for the reader, though its first megabyte looks like the DOJ format.
    writeFileSync(file, [HEADER, sold('1', 'X'.repeat(2_100_000))[0]!].join('\n') + '\n')
    expectRefused(
      ['--input', file],
      /all-bad\.csv: no row could be loaded; all 1 rejected, the first at .*all-bad\.csv line 2: LINE SIZE OVER MAXIMUM/,
    )
  })
})

describe('a ledger that does not balance stops the run', () => {
  it('reconcile refuses with one line naming the file when records read ≠ loaded + rejected', async () => {
    const db = await openDb(':memory:')
    try {
      await db.run(`create table stg_doj_rows as select 'f.csv' as source_file, '1' as subject_id`)
      await db.run(
        `create table ingest_rejects (file varchar, line bigint, reason varchar, raw_text varchar, subject_id varchar, subject_ids varchar[])`,
      )
      const ledger = { sha256: 'x', bytes: 1, lines: 3, records: 3, multiline: [], nulBytes: 0 }
      const files = [{ path: 'f.csv', hasHeader: true, bytes: 1 }]
      await expect(reconcile(db, files, new Map([['f.csv', ledger]]))).rejects.toThrow(
        /^f\.csv: rows do not add up \(2 records read, 1 loaded \+ 0 rejected\); nothing was decided$/,
      )
      const balanced = { ...ledger, lines: 2, records: 2 }
      const [r] = await reconcile(db, files, new Map([['f.csv', balanced]]))
      expect(r).toMatchObject({ rows_read: 1, rows_loaded: 1, balanced: true })
    } finally {
      db.close()
    }
  })

  it('the record counter follows the reader: quotes open only at a field start, errors resume after the line', () => {
    const records = (s: string) => {
      const c = new RecordCounter()
      c.feed(Buffer.from(s))
      return [c.finish().records, c.lines]
    }
    expect(records('a,b\r\nc,d\r\n')).toEqual([2, 2])
    expect(records('a,b\rc,d\r')).toEqual([2, 2])
    expect(records('a,"b\nc"\nd\n')).toEqual([2, 3])
    expect(records('a,b"c\nd\n')).toEqual([2, 2]) // a quote inside a field is a character
    expect(records('a,"b"x\nd\n')).toEqual([2, 2]) // text after a closing quote: error, resume after the line
    expect(records('a,"b""c"\n\n\nd')).toEqual([2, 2]) // "" is a quote; empty lines are no records
    expect(records('a,"open\nb,"x\nc\n')).toEqual([2, 3]) // the open quote takes the next line
  })
})
