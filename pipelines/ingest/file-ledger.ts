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
import { createReadStream } from 'node:fs'

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
}

const LF = 10
const CR = 13
const QUOTE = 34
const COMMA = 44

/** Streaming record counter: feed chunks in order, then finish(). */
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

  feed(buf: Uint8Array): void {
    for (let i = 0; i < buf.length; i++) {
      const b = buf[i]!
      if (this.pendingCr) {
        this.pendingCr = false
        if (b === LF) continue // the LF of a CRLF: same line break
      }
      if (b === LF || b === CR) {
        if (b === CR) this.pendingCr = true
        this.lineBreak()
        continue
      }
      this.recordBytes++
      this.lineBytes++
      if (b === 0) this.nulBytes++
      if (this.skipping) continue
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
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 22 }) as AsyncIterable<Buffer>) {
    hash.update(chunk)
    bytes += chunk.length
    counter.feed(chunk)
  }
  counter.finish()
  return {
    sha256: hash.digest('hex'),
    bytes,
    lines: counter.lines,
    records: counter.records,
    multiline: counter.multiline,
    nulBytes: counter.nulBytes,
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
