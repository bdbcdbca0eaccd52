/**
 * The printed page of a motion: US Letter portrait, half-inch side margins (inside every printer's
 * printable area), the standard fonts, and the footer every page carries: confidentiality line,
 * run id and as-of date, and "page X of Y" (drawn last, once the page count is known).
 */
import { measure, pdfSafe } from './pdf-text.ts'
import { PageCanvas } from './page-canvas.ts'
import { FONTS } from './std-fonts.ts'

export const PAGE = { width: 612, height: 792 } as const
export const MARGIN = { left: 36, right: 36, top: 40, bottom: 46 } as const
export const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right
/** Greys: 0 is black. */
export const INK = 0
export const GREY = 0.35
export const RULE = 0.7
export const SHADE = 0.9

/** The pages of one document, in order. */
export class PageList {
  readonly pages: PageCanvas[] = []

  add(): PageCanvas {
    const page = new PageCanvas()
    this.pages.push(page)
    return page
  }
}

export interface FooterInfo {
  runId: string
  asOf: string
  /** e.g. "LOS ANGELES / CASC LOS ANGELES METRO" */
  title: string
}

/** The footer of page i (0-based) of `total`: its line, run and title, confidentiality line and page number. */
export function footerDrawer(info: FooterInfo, total: number): (page: PageCanvas, i: number) => void {
  const size = 7
  const y = 24
  const left = pdfSafe(`record-relief run ${info.runId} - as of ${info.asOf} - ${info.title}`)
  const middle = 'CONFIDENTIAL: criminal history information'
  return (page, i) => {
    const right = `page ${i + 1} of ${total}`
    page.line(MARGIN.left, y + 10, PAGE.width - MARGIN.right, y + 10, 0.5, RULE)
    page.text(left, MARGIN.left, y, FONTS.sans, size, GREY)
    page.text(middle, MARGIN.left, y - 9, FONTS.sansBold, size, GREY)
    const w = measure(FONTS.sans, right, size + 1)
    page.text(right, PAGE.width - MARGIN.right - w, y, FONTS.sans, size + 1, INK)
  }
}

/** Draws the footer on every page; call after all pages exist. */
export function drawFooters(pages: readonly PageCanvas[], info: FooterInfo): void {
  const draw = footerDrawer(info, pages.length)
  pages.forEach((page, i) => draw(page, i))
}
