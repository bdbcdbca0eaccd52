/**
 * One streaming pass per input file for the manifest: its sha256, its physical lines, and its records as a
 * strict CSV reader sees them. The record count is the independent "rows in" figure that loaded + rejected
 * must add up to; it differs from the line count when a quoted field holds a line break (one record, several
 * lines). Line breaks are LF, CRLF or a lone CR (old Mac files), as DuckDB's reader takes them.
 *
 * The record rules mirror DuckDB's strict reader: a quote opens a quoted field only at the start of a field
 * (elsewhere it is a literal character); inside, "" is a quote and a line break is part of the field; anything
 * but a comma or a line break after the closing quote is an error, and the reader resumes after the next line
 * break. Empty lines are skipped but still numbered.
 */
import { createHash } from 'node:crypto'
import { readChunks } from '../lib/read-chunks.ts'
import type { FileIdentity } from '../lib/file-identity.ts'

export interface FileLedger {
  sha256: string
  bytes: number
  /** Non-empty physical lines, header included. */
  lines: number
  /** Non-empty CSV records, header included: what the reader turns into rows or rejects. */
  records: number
  /**
   * Records that span more than one physical line, as [line number the reader gives the record, extra lines]:
   * the reader numbers records, so each such record shifts the physical line of every later one.
   */
  multiline: [number, number][]
  /** NUL bytes in the file (stripped at read; counted so the manifest says so). */
  nulBytes: number
  /** The file's identity while it was read (undefined if it changed meanwhile): not in the manifest. */
  identity?: FileIdentity
}

const LF = 10
const CR = 13
const QUOTE = 34
const COMMA = 44

/** Where byte `b` next occurs in `buf` from `from`, or buf.length: a native search, not a JS loop. */
function nextOf(buf: Buffer, b: number, from: number): number {
  const i = buf.indexOf(b, from)
  return i < 0 ? buf.length : i
}

/** How many times byte `b` occurs in `buf`. */
function countOf(buf: Buffer, b: number): number {
  let n = 0
  for (let i = buf.indexOf(b); i >= 0; i = buf.indexOf(b, i + 1)) n++
  return n
}

/**
 * Streaming record counter: feed chunks in order, then finish(). A byte-at-a-time state machine in effect, but
 * it only steps through the bytes that can change its state (quote, LF, CR, and the byte after a closing quote
 * or a CR), found with native searches; a run of other bytes between them is counted in one addition. That
 * keeps it a small fraction of the file's sha256, since it runs on the thread DuckDB's reader shares.
 */
export class RecordCounter {
  lines = 0
  records = 0
  nulBytes = 0
  readonly multiline: [number, number][] = []
  private readerLine = 1 // the line number the reader gives the current record
  private recordBytes = 0
  private lineBytes = 0
  private extraLines = 0
  private fieldStart = true
  private inQuoted = false
  private afterClose = false
  private skipping = false
  private pendingCr = false

  feed(chunk: Uint8Array): void {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
    const n = buf.length
    this.nulBytes += countOf(buf, 0) // a NUL is an ordinary byte to the record rules
    // The next quote, LF and CR at or after i, each searched again only once i has passed it.
    let nextQuote = -1
    let nextLf = -1
    let nextCr = -1
    let i = 0
    while (i < n) {
      if (this.pendingCr || this.afterClose) {
        this.step(buf[i]!) // the one byte whose meaning depends on the byte before
        i++
        continue
      }
      if (nextLf < i) nextLf = nextOf(buf, LF, i)
      if (nextCr < i) nextCr = nextOf(buf, CR, i)
      let p = nextLf < nextCr ? nextLf : nextCr
      if (!this.skipping) {
        // a quote matters in and out of a quoted field; when skipping to the next line break, nothing does
        if (nextQuote < i) nextQuote = nextOf(buf, QUOTE, i)
        if (nextQuote < p) p = nextQuote
      }
      if (p > i) {
        // Bytes that are neither quote nor line break: in a quoted field or a skipped line they change nothing
        // but the counts; in a plain field only whether the last of them is a comma matters.
        this.recordBytes += p - i
        this.lineBytes += p - i
        if (!this.skipping && !this.inQuoted) this.fieldStart = buf[p - 1] === COMMA
        i = p
      }
      if (i < n) {
        this.step(buf[i]!)
        i++
      }
    }
  }

  /** One byte through the record rules (NULs are counted apart, per chunk). */
  private step(b: number): void {
    if (this.pendingCr) {
      this.pendingCr = false
      if (b === LF) return // the LF of a CRLF: same line break
    }
    if (b === LF || b === CR) {
      if (b === CR) this.pendingCr = true
      this.lineBreak()
      return
    }
    this.recordBytes++
    this.lineBytes++
    if (this.skipping) return
    if (this.inQuoted) {
      if (b === QUOTE) {
        this.inQuoted = false
        this.afterClose = true
      }
    } else if (this.afterClose) {
      this.afterClose = false
      if (b === QUOTE)
        this.inQuoted = true // "" inside a quoted field
      else if (b === COMMA) this.fieldStart = true
      else this.skipping = true // text after a closing quote: the reader rejects and resumes after the line
    } else if (b === QUOTE && this.fieldStart) {
      this.inQuoted = true
      this.fieldStart = false
    } else this.fieldStart = b === COMMA
  }

  private lineBreak(): void {
    if (this.lineBytes > 0) this.lines++
    this.lineBytes = 0
    if (this.inQuoted && !this.skipping) {
      // A line break inside a quoted field belongs to the field.
      this.recordBytes++
      this.extraLines++
      return
    }
    this.endRecord()
    this.readerLine++
  }

  private endRecord(): void {
    if (this.recordBytes > 0) {
      this.records++
      if (this.extraLines > 0) this.multiline.push([this.readerLine, this.extraLines])
    }
    this.recordBytes = 0
    this.extraLines = 0
    this.fieldStart = true
    this.inQuoted = false
    this.afterClose = false
    this.skipping = false
  }

  finish(): this {
    if (this.lineBytes > 0) this.lines++
    this.lineBytes = 0
    this.endRecord()
    return this
  }
}

export async function ledgerOf(path: string): Promise<FileLedger> {
  const hash = createHash('sha256')
  const counter = new RecordCounter()
  let bytes = 0
  const identity = await readChunks(path, (chunk) => {
    hash.update(chunk)
    counter.feed(chunk)
    bytes += chunk.length
  })
  counter.finish()
  return {
    sha256: hash.digest('hex'),
    bytes,
    lines: counter.lines,
    records: counter.records,
    multiline: counter.multiline,
    nulBytes: counter.nulBytes,
    identity,
  }
}

/**
 * The ledger of a file the native reader took, from a lighter pass: its sha256, and its physical lines counted by
 * their line feeds. The reader takes only a file whose every line is one record (no line break inside a quote, no
 * lone carriage return, no empty line, no NUL), so its records are its lines; counting them here, apart from the
 * reader, keeps the balance an independent check. The full record rules (RecordCounter) cost about half of the
 * ledger's CPU at 2M lines, and are needed only for a file the reader does not take: then `ledgerOf` runs. A run
 * counts with `hash: false` and takes the hash aside, where it does not slow the reader (pipelines/lib/hash-aside.ts).
 */
export async function plainLedgerOf(path: string, opts: { hash?: boolean } = {}): Promise<FileLedger> {
  // Without the hash, sha256 is left empty.
  const hash = opts.hash === false ? null : createHash('sha256')
  let bytes = 0
  let lineFeeds = 0
  let nulBytes = 0
  let last = LF
  const identity = await readChunks(path, (chunk) => {
    hash?.update(chunk)
    lineFeeds += countOf(chunk, LF)
    nulBytes += countOf(chunk, 0)
    if (chunk.length) last = chunk[chunk.length - 1]!
    bytes += chunk.length
  })
  // A last line without a line feed is a line too.
  const lines = lineFeeds + (bytes > 0 && last !== LF ? 1 : 0)
  return {
    sha256: hash?.digest('hex') ?? '',
    bytes,
    lines,
    records: lines,
    multiline: [],
    nulBytes,
    identity,
  }
}

/** The physical line of a record the reader numbered `readerLine`, given the file's multi-line records. */
export function physicalLine(readerLine: number, multiline: readonly [number, number][]): number {
  let extra = 0
  for (const [start, n] of multiline) {
    if (start >= readerLine) break
    extra += n
  }
  return readerLine + extra
}
