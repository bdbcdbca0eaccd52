/**
 * The printed page of a motion: US Letter portrait, half-inch side margins (inside every printer's
 * printable area), the standard fonts, and the footer every page carries: confidentiality line,
 * run id and as-of date, and "page X of Y" (drawn last, once the page count is known).
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont } from 'pdf-lib'
import { measure, pdfSafe } from './pdf-text.ts'

export const PAGE = { width: 612, height: 792 } as const
export const MARGIN = { left: 36, right: 36, top: 40, bottom: 46 } as const
export const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right
export const INK = rgb(0, 0, 0)
export const GREY = rgb(0.35, 0.35, 0.35)
export const RULE = rgb(0.7, 0.7, 0.7)
export const SHADE = rgb(0.9, 0.9, 0.9)

export interface Fonts {
  sans: PDFFont
  sansBold: PDFFont
  sansItalic: PDFFont
  serif: PDFFont
  serifBold: PDFFont
}

export async function embedFonts(doc: PDFDocument): Promise<Fonts> {
  const [sans, sansBold, sansItalic, serif, serifBold] = await Promise.all([
    doc.embedFont(StandardFonts.Helvetica),
    doc.embedFont(StandardFonts.HelveticaBold),
    doc.embedFont(StandardFonts.HelveticaOblique),
    doc.embedFont(StandardFonts.TimesRoman),
    doc.embedFont(StandardFonts.TimesRomanBold),
  ])
  return { sans, sansBold, sansItalic, serif, serifBold }
}

export interface FooterInfo {
  runId: string
  asOf: string
  /** e.g. "LOS ANGELES / CASC LOS ANGELES METRO" */
  title: string
}

/** Draws the footer on every page; call after all pages exist. */
export function drawFooters(doc: PDFDocument, fonts: Fonts, info: FooterInfo): void {
  const pages = doc.getPages()
  const size = 7
  const y = 24
  const left = pdfSafe(`record-relief run ${info.runId} - as of ${info.asOf} - ${info.title}`)
  const middle = 'CONFIDENTIAL: criminal history information'
  pages.forEach((page, i) => {
    const right = `page ${i + 1} of ${pages.length}`
    page.drawLine({
      start: { x: MARGIN.left, y: y + 10 },
      end: { x: PAGE.width - MARGIN.right, y: y + 10 },
      thickness: 0.5,
      color: RULE,
    })
    page.drawText(left, { x: MARGIN.left, y, size, font: fonts.sans, color: GREY })
    page.drawText(middle, { x: MARGIN.left, y: y - 9, size, font: fonts.sansBold, color: GREY })
    const w = measure(fonts.sans, right, size + 1)
    page.drawText(right, {
      x: PAGE.width - MARGIN.right - w,
      y,
      size: size + 1,
      font: fonts.sans,
      color: INK,
    })
  })
}
