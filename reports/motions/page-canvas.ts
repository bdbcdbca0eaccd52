/**
 * One page's content stream, written as PDF operators directly (no object per drawn item): rules and shading
 * first, then all text in one text object (BT … ET) that sets the font, size and grey only when they change
 * and moves with relative Td. Operators go straight into two growing byte buffers (graphics, text) as they
 * are drawn: a 20,000-case schedule then keeps a few buffers alive, not millions of small strings for the
 * garbage collector to walk.
 */
import type { StdFont } from './std-fonts.ts'

/** Two decimals are plenty at 72 points per inch and keep the streams short. */
const num = (n: number) => String(Math.round(n * 100) / 100)

/** A PDF literal string: backslash and parentheses escaped; bytes above 127 stay as they are (WinAnsi). */
const literal = (s: string) => (/[\\()]/.test(s) ? `(${s.replace(/[\\()]/g, '\\$&')})` : `(${s})`)

/** Latin-1 text appended to a buffer that doubles when full. */
class ByteSink {
  private buf = Buffer.allocUnsafe(1024)
  length = 0

  write(s: string): void {
    // Latin-1: one byte per character (pdfSafe text and operators only).
    if (this.length + s.length > this.buf.length) {
      const next = Buffer.allocUnsafe(Math.max(2 * this.buf.length, this.length + s.length))
      this.buf.copy(next, 0, 0, this.length)
      this.buf = next
    }
    this.length += this.buf.write(s, this.length, 'latin1')
  }

  copyTo(target: Uint8Array, at: number): number {
    this.buf.copy(target, at, 0, this.length)
    return at + this.length
  }
}

const BT = Buffer.from('BT\n', 'latin1')
const ET = Buffer.from('ET\n', 'latin1')

export class PageCanvas {
  private readonly graphics = new ByteSink()
  private readonly texts = new ByteSink()
  private font: StdFont | null = null
  private size = 0
  private textGrey = -1
  private lineX = 0
  private lineY = 0
  private strokeWidth = -1
  private strokeGrey = -1
  private fillGrey = -1

  /** One line of text (already WinAnsi-safe, see pdfSafe) with its baseline at (x, y); grey 0 = black. */
  text(text: string, x: number, y: number, font: StdFont, size: number, grey = 0): void {
    if (!text) return
    const t = this.texts
    if (font !== this.font || size !== this.size) {
      t.write(`/${font.key} ${num(size)} Tf\n`)
      this.font = font
      this.size = size
    }
    if (grey !== this.textGrey) {
      t.write(`${num(grey)} g\n`)
      this.textGrey = grey
    }
    const rx = Math.round(x * 100) / 100
    const ry = Math.round(y * 100) / 100
    t.write(`${num(rx - this.lineX)} ${num(ry - this.lineY)} Td ${literal(text)} Tj\n`)
    this.lineX = rx
    this.lineY = ry
  }

  /** A straight stroked line. */
  line(x1: number, y1: number, x2: number, y2: number, width: number, grey: number): void {
    const g = this.graphics
    if (width !== this.strokeWidth) g.write(`${num(width)} w\n`)
    if (grey !== this.strokeGrey) g.write(`${num(grey)} G\n`)
    this.strokeWidth = width
    this.strokeGrey = grey
    g.write(`${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l S\n`)
  }

  /** A filled rectangle (shading under a header row). */
  rect(x: number, y: number, width: number, height: number, grey: number): void {
    if (grey !== this.fillGrey) this.graphics.write(`${num(grey)} g\n`)
    this.fillGrey = grey
    this.graphics.write(`${num(x)} ${num(y)} ${num(width)} ${num(height)} re f\n`)
  }

  /** The page's content stream (Latin-1 bytes): graphics under, text over. */
  content(): Buffer {
    const hasText = this.texts.length > 0
    const out = Buffer.allocUnsafe(this.graphics.length + (hasText ? this.texts.length + 6 : 0))
    let at = this.graphics.copyTo(out, 0)
    if (hasText) {
      at += BT.copy(out, at)
      at = this.texts.copyTo(out, at)
      ET.copy(out, at)
    }
    return out
  }
}
