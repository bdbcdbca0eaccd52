/**
 * One page's content stream, written as PDF operators directly (no object per drawn item): rules and shading
 * first, then all text in one text object (BT … ET) that sets the font, size and grey only when they change
 * and moves with relative Td. A 20,000-case schedule is then a few string appends per cell.
 */
import type { StdFont } from './std-fonts.ts'

/** Two decimals are plenty at 72 points per inch and keep the streams short. */
const num = (n: number) => String(Math.round(n * 100) / 100)

/** A PDF literal string: backslash and parentheses escaped; bytes above 127 stay as they are (WinAnsi). */
const literal = (s: string) => (/[\\()]/.test(s) ? `(${s.replace(/[\\()]/g, '\\$&')})` : `(${s})`)

export class PageCanvas {
  private readonly graphics: string[] = []
  private readonly texts: string[] = []
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
      t.push(`/${font.key} ${num(size)} Tf\n`)
      this.font = font
      this.size = size
    }
    if (grey !== this.textGrey) {
      t.push(`${num(grey)} g\n`)
      this.textGrey = grey
    }
    const rx = Math.round(x * 100) / 100
    const ry = Math.round(y * 100) / 100
    t.push(`${num(rx - this.lineX)} ${num(ry - this.lineY)} Td ${literal(text)} Tj\n`)
    this.lineX = rx
    this.lineY = ry
  }

  /** A straight stroked line. */
  line(x1: number, y1: number, x2: number, y2: number, width: number, grey: number): void {
    const g = this.graphics
    if (width !== this.strokeWidth) g.push(`${num(width)} w\n`)
    if (grey !== this.strokeGrey) g.push(`${num(grey)} G\n`)
    this.strokeWidth = width
    this.strokeGrey = grey
    g.push(`${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l S\n`)
  }

  /** A filled rectangle (shading under a header row). */
  rect(x: number, y: number, width: number, height: number, grey: number): void {
    if (grey !== this.fillGrey) this.graphics.push(`${num(grey)} g\n`)
    this.fillGrey = grey
    this.graphics.push(`${num(x)} ${num(y)} ${num(width)} ${num(height)} re f\n`)
  }

  /** The page's content stream: graphics under, text over. */
  content(): string {
    const text = this.texts.length ? `BT\n${this.texts.join('')}ET\n` : ''
    return this.graphics.join('') + text
  }
}
