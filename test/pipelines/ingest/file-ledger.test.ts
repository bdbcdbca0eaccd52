import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { ledgerOf, plainLedgerOf, RecordCounter } from '../../../pipelines/ingest/file-ledger.ts'
import { ReferenceRecordCounter } from './reference-record-counter.ts'

type Counter = RecordCounter | ReferenceRecordCounter

function countsOf<C extends Counter>(counter: C, chunks: Uint8Array[]) {
  for (const chunk of chunks) counter.feed(chunk)
  const { lines, records, multiline, nulBytes } = counter.finish()
  return { lines, records, multiline, nulBytes }
}

/** `bytes` cut at the given positions (sorted, duplicates give empty chunks), as Buffers or plain Uint8Arrays. */
function split(bytes: Uint8Array, cuts: number[], plain: boolean): Uint8Array[] {
  const at = [0, ...cuts.map((c) => c % (bytes.length + 1)).sort((a, b) => a - b), bytes.length]
  return at.slice(1).map((end, k) => {
    const part = bytes.subarray(at[k]!, end)
    return plain ? new Uint8Array(part) : Buffer.from(part)
  })
}

// The bytes the record rules turn on, plus ordinary text, in runs so quoted fields and long plain runs both occur.
const piece = fc.constantFrom('"', ',', '\r', '\n', '\0', 'a', 'b', 'abc', '""', ',"', '"\r\n', 'xyz,')
const input = fc.array(piece, { maxLength: 200 }).map((ps) => Buffer.from(ps.join(''), 'latin1'))

describe('the record counter', () => {
  it('counts exactly what the byte-by-byte reference counts, for any bytes in any chunk split', () => {
    fc.assert(
      fc.property(input, fc.array(fc.nat(), { maxLength: 8 }), fc.boolean(), (bytes, cuts, plain) => {
        const chunks = split(bytes, cuts, plain)
        expect(countsOf(new RecordCounter(), chunks)).toEqual(countsOf(new ReferenceRecordCounter(), [bytes]))
      }),
      { numRuns: 3000 },
    )
  })

  it('counts records, lines, multi-line records and NULs by hand', () => {
    const counts = (s: string, chunkBytes = s.length) => {
      const b = Buffer.from(s, 'latin1')
      const chunks: Buffer[] = []
      for (let i = 0; i < b.length; i += chunkBytes) chunks.push(b.subarray(i, i + chunkBytes))
      return countsOf(new RecordCounter(), chunks)
    }
    // header, a record whose quoted field spans three lines (reader line 2), then one more record
    const file = 'a,b\r\n1,"x\r\ny\nz"\r\n2,\0q\0\n'
    const want = { lines: 5, records: 3, multiline: [[2, 2]], nulBytes: 2 }
    expect(counts(file)).toEqual(want)
    for (const size of [1, 2, 3, 5]) expect(counts(file, size)).toEqual(want) // a CRLF or "" cut across chunks
    // a quote after text is a character; after a closing quote, text makes the rest of the line skipped,
    // quotes included, so the next line is a record of its own
    expect(counts('a"b\n"c"d"\ne\n')).toEqual({ lines: 3, records: 3, multiline: [], nulBytes: 0 })
    // a lone CR ends a line; an empty line between CRs is no record
    expect(counts('x\r\ry\r')).toEqual({ lines: 2, records: 2, multiline: [], nulBytes: 0 })
  })
})

describe('ledgerOf', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('gives the whole file sha256 and the reference counts for a file read in several pieces', async () => {
    // ~3 MB of varied records (quoted names with commas, a multi-line comment, CRLF and LF, a stray NUL) so
    // the read buffer's edges fall inside quoted fields and line breaks
    const rows: string[] = ['ID,NAME,COMMENT']
    for (let i = 0; i < 40_000; i++) {
      const comment = i % 997 === 0 ? `"line one\r\nline ""two"""` : i % 13 === 0 ? 'a\0b' : ''
      rows.push(`${i},"DOE,JANE ${i}",${comment}`)
    }
    const bytes = Buffer.from(rows.join(rows.length % 2 ? '\r\n' : '\n') + '\n', 'latin1')
    const doubled = Buffer.concat([bytes, bytes.subarray(1)])
    const path = join(dir, 'in.csv')
    writeFileSync(path, doubled)
    const ledger = await ledgerOf(path)
    expect(ledger.bytes).toBe(doubled.length)
    expect(ledger.sha256).toBe(createHash('sha256').update(doubled).digest('hex'))
    const reference = countsOf(new ReferenceRecordCounter(), [doubled])
    expect(reference.multiline.length).toBeGreaterThan(50)
    expect(reference.nulBytes).toBeGreaterThan(1000)
    expect({
      lines: ledger.lines,
      records: ledger.records,
      multiline: ledger.multiline,
      nulBytes: ledger.nulBytes,
    }).toEqual(reference)
  })
})

describe('plainLedgerOf (a file the native reader takes: one record per line)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plain-ledger-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  // Lines as the native reader takes them: no empty line, no lone CR, no line break inside a quote, no NUL.
  const line = fc
    .array(fc.constantFrom('a', 'b', ',', '"x,y"', '""', 'abc'), { minLength: 1, maxLength: 12 })
    .map((ps) => ps.join(''))
    .filter((l) => /[^,"]/.test(l) || l.length > 0)
  const file = fc.record({
    lines: fc.array(line, { minLength: 0, maxLength: 60 }),
    crlf: fc.boolean(),
    lastBreak: fc.boolean(),
  })

  it('gives the same ledger as the full record rules, for any plain file', async () => {
    await fc.assert(
      fc.asyncProperty(file, async ({ lines, crlf, lastBreak }) => {
        const eol = crlf ? '\r\n' : '\n'
        const text = lines.join(eol) + (lastBreak && lines.length ? eol : '')
        const path = join(dir, 'plain.csv')
        writeFileSync(path, text, 'latin1')
        expect(await plainLedgerOf(path)).toEqual(await ledgerOf(path))
      }),
      { numRuns: 200 },
    )
  })
})
