/**
 * Fast drawing for long tables. page.drawText wraps every call in its own graphics state and registers the
 * font again each time; a 5,000-case schedule makes ~50,000 calls. PageBatch collects a page's text into one
 * text object and its horizontal rules into one path, through pdf-lib's operator API (BT Tf Td Tj ET,
 * m l S), registering each font once per page.
 */
import {
  beginText,
  endText,
  lineTo,
  moveText,
  moveTo,
  popGraphicsState,
  pushGraphicsState,
  setFillingGrayscaleColor,
  setFontAndSize,
  setLineWidth,
  setStrokingGrayscaleColor,
  showText,
  stroke,
  type PDFFont,
  type PDFName,
  type PDFOperator,
  type PDFPage,
} from 'pdf-lib'

export class PageBatch {
  private readonly textOps: PDFOperator[] = []
  private readonly ruleOps: PDFOperator[] = []
  private readonly keys = new Map<PDFFont, PDFName>()
  private font: PDFFont | null = null
  private size = 0
  private grey = -1
  /** Start of the current text line: Td moves relative to it (two numbers instead of Tm's six). */
  private lineX = 0
  private lineY = 0

  constructor(private readonly page: PDFPage) {}

  /** Queues one line of text (already WinAnsi-safe) with its baseline at (x, y); grey 0 = black. */
  text(text: string, x: number, y: number, font: PDFFont, size: number, grey = 0): void {
    if (!text) return
    if (font !== this.font || size !== this.size) {
      let key = this.keys.get(font)
      if (!key) {
        key = this.page.node.newFontDictionary(font.name, font.ref)
        this.keys.set(font, key)
      }
      this.textOps.push(setFontAndSize(key, size))
      this.font = font
      this.size = size
    }
    if (grey !== this.grey) {
      this.textOps.push(setFillingGrayscaleColor(grey))
      this.grey = grey
    }
    const rx = round(x)
    const ry = round(y)
    this.textOps.push(
      moveText(round(rx - this.lineX), round(ry - this.lineY)),
      showText(font.encodeText(text)),
    )
    this.lineX = rx
    this.lineY = ry
  }

  /** Queues a thin horizontal rule from x1 to x2 at y. */
  hline(x1: number, x2: number, y: number): void {
    this.ruleOps.push(moveTo(round(x1), round(y)), lineTo(round(x2), round(y)))
  }

  /** Writes the queued rules (under) and text (over) to the page. */
  flush(ruleWidth = 0.25, ruleGrey = 0.7): void {
    if (this.ruleOps.length)
      this.page.pushOperators(
        pushGraphicsState(),
        setLineWidth(ruleWidth),
        setStrokingGrayscaleColor(ruleGrey),
        ...this.ruleOps,
        stroke(),
        popGraphicsState(),
      )
    if (this.textOps.length) this.page.pushOperators(beginText(), ...this.textOps, endText())
    this.ruleOps.length = 0
    this.textOps.length = 0
    this.font = null
    this.grey = -1
    this.lineX = 0
    this.lineY = 0
  }
}

/** Two decimals are plenty at 72 points per inch and keep the content streams short. */
const round = (n: number) => Math.round(n * 100) / 100
