/**
 * A cursor that writes wrapped paragraphs down a page and starts a new page when the next block does not
 * fit; for the cover motion, whose length depends on the county and court names.
 */
import { CONTENT_WIDTH, INK, MARGIN, PAGE, type PageList } from './page-layout.ts'
import type { PageCanvas } from './page-canvas.ts'
import { measure, pdfSafe, wrapText } from './pdf-text.ts'
import type { StdFont } from './std-fonts.ts'

export interface TextStyle {
  font: StdFont
  size: number
  /** Line height; default 1.3 × size. */
  leading?: number
  align?: 'left' | 'center'
  indent?: number
  width?: number
}

export class TextFlow {
  page: PageCanvas
  y: number
  pages = 1

  constructor(private readonly doc: PageList) {
    this.page = doc.add()
    this.y = PAGE.height - MARGIN.top
  }

  /** Makes room for `height` points, starting a new page if needed. */
  need(height: number): void {
    if (this.y - height >= MARGIN.bottom) return
    this.page = this.doc.add()
    this.pages++
    this.y = PAGE.height - MARGIN.top
  }

  gap(points: number): void {
    this.y -= points
  }

  paragraph(text: string, style: TextStyle): void {
    const leading = style.leading ?? style.size * 1.3
    const indent = style.indent ?? 0
    const width = (style.width ?? CONTENT_WIDTH) - indent
    const lines = wrapText(pdfSafe(text), style.font, style.size, width)
    // Keep short paragraphs whole; long ones may break between lines.
    this.need(Math.min(lines.length, 3) * leading)
    for (const line of lines) {
      this.need(leading)
      const w = measure(style.font, line, style.size)
      const x = style.align === 'center' ? MARGIN.left + (CONTENT_WIDTH - w) / 2 : MARGIN.left + indent
      this.y -= leading
      this.page.text(line, x, this.y + (leading - style.size) / 2, style.font, style.size, INK)
    }
  }
}
