/**
 * One page's content stream, written as PDF operators directly (no object per drawn item): rules and shading
 * first, then all text in one text object (BT … ET) that sets the font, size and grey only when they change
 * and moves with relative Td. Operators go straight into two byte buffers (graphics, text) as they are
 * drawn, byte by byte from JavaScript (a native Buffer.write per short operator costs more than the copy).
 * A canvas can be reset and drawn again: a schedule draws all its pages on one canvas, so a 20,000-case
 * court allocates its buffers once, not per page.
 */
import type { StdFont } from './std-fonts.ts'
import { ByteBuffer } from './byte-buffer.ts'

/**
 * Two decimals are plenty at 72 points per inch and keep the streams short. A page uses a few hundred
 * distinct values (column offsets, line steps), so their text is kept rather than formatted again.
 */
const numText = new Map<number, string>()
function num(n: number): string {
  const v = Math.round(n * 100) / 100
  let s = numText.get(v)
  if (s === undefined) {
    s = String(v)
    if (numText.size > 100_000) numText.clear()
    numText.set(v, s)
  }
  return s
}

/** Latin-1 operators and text of a content stream; reset() keeps the buffer. */
class ByteSink extends ByteBuffer {
  constructor() {
    super(16 * 1024)
  }

  reset(): void {
    this.length = 0
  }

  /** Latin-1: one byte per character (pdfSafe text and operators only). */
  write(s: string): void {
    this.reserve(s.length)
    const b = this.buf
    let at = this.length
    for (let i = 0; i < s.length; i++) b[at++] = s.charCodeAt(i)
    this.length = at
  }

  /** A PDF literal string: backslash and parentheses escaped; bytes above 127 stay as they are (WinAnsi). */
  literal(s: string): void {
    this.reserve(2 * s.length + 2)
    const b = this.buf
    let at = this.length
    b[at++] = 0x28
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i)
      if (c === 0x5c || c === 0x28 || c === 0x29) b[at++] = 0x5c
      b[at++] = c
    }
    b[at++] = 0x29
    this.length = at
  }
}

const BT = new Uint8Array([0x42, 0x54, 0x0a])
const ET = new Uint8Array([0x45, 0x54, 0x0a])

export class PageCanvas {
  private readonly graphics = new ByteSink()
  private readonly texts = new ByteSink()
  private out = new Uint8Array(0)
  private font: StdFont | null = null
  private size = 0
  private textGrey = -1
  private lineX = 0
  private lineY = 0
  private strokeWidth = -1
  private strokeGrey = -1
  private fillGrey = -1

  /** Empties the page for the next one (the buffers stay). */
  reset(): void {
    this.graphics.reset()
    this.texts.reset()
    this.font = null
    this.size = 0
    this.textGrey = -1
    this.lineX = 0
    this.lineY = 0
    this.strokeWidth = -1
    this.strokeGrey = -1
    this.fillGrey = -1
  }

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
    t.write(num(rx - this.lineX))
    t.write(' ')
    t.write(num(ry - this.lineY))
    t.write(' Td ')
    t.literal(text)
    t.write(' Tj\n')
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

  /**
   * The page's content stream (Latin-1 bytes): graphics under, text over. A view of a buffer the canvas
   * reuses: valid until the canvas is drawn on again.
   */
  content(): Uint8Array {
    const hasText = this.texts.length > 0
    const length = this.graphics.length + (hasText ? this.texts.length + 6 : 0)
    if (this.out.length < length) this.out = new Uint8Array(Math.max(length, 2 * this.out.length))
    const out = this.out
    let at = this.graphics.copyTo(out, 0)
    if (hasText) {
      out.set(BT, at)
      at = this.texts.copyTo(out, at + 3)
      out.set(ET, at)
    }
    return out.subarray(0, length)
  }
}
