/**
 * The record counter as first written: one JS step per byte. Kept as the oracle the fast counter in
 * pipelines/ingest/file-ledger.ts must agree with on every input (file-ledger.test.ts).
 */
const LF = 10
const CR = 13
const QUOTE = 34
const COMMA = 44

/** Streaming record counter, byte by byte: feed chunks in order, then finish(). */
export class ReferenceRecordCounter {
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
