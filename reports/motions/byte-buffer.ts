/**
 * Bytes appended to one buffer that doubles when full: a page's content stream or a court's CSV is written a
 * few bytes at a time, and one buffer keeps the garbage collector from carrying millions of small strings.
 */
export class ByteBuffer {
  buf: Uint8Array
  length = 0

  constructor(initialBytes: number) {
    this.buf = new Uint8Array(initialBytes)
  }

  /** Makes room for `n` more bytes after `length`. */
  reserve(n: number): void {
    if (this.length + n <= this.buf.length) return
    const next = new Uint8Array(Math.max(2 * this.buf.length, this.length + n))
    next.set(this.buf.subarray(0, this.length))
    this.buf = next
  }

  bytes(b: Uint8Array): void {
    this.reserve(b.length)
    this.buf.set(b, this.length)
    this.length += b.length
  }

  /** Writes what was appended into `target` at `at`; returns the position after it. */
  copyTo(target: Uint8Array, at: number): number {
    target.set(this.buf.subarray(0, this.length), at)
    return at + this.length
  }
}
