/**
 * The schedules after the cover: one table per relief, each starting on a new page, with the schedule
 * heading and the column headers repeated on every page. Rows are measured first (wrapped lines per
 * cell), then split into pages, then drawn; a row never splits across pages.
 */
import type { PDFDocument, PDFPage } from 'pdf-lib'
import { CONTENT_WIDTH, MARGIN, PAGE, SHADE, type Fonts } from './page-layout.ts'
import { capLines, pdfSafe, wrapText } from './pdf-text.ts'
import { PageBatch } from './page-batch.ts'
import type { MotionCase } from './motion-cases.ts'
import { reliefLabel, type ReliefSection } from './relief-sections.ts'

const SIZE = 7.5
const LINE = 9
const NOTE_SIZE = 6.5
const NOTE_LINE = 8
const PAD = 3
const MAX_CELL_LINES = 6
const HEADING_HEIGHT = 34
const HEADER_ROW_HEIGHT = LINE + 2 * PAD

interface Column {
  title: string
  width: number
  text(c: MotionCase): string[]
}

const COLUMNS: readonly Column[] = [
  { title: 'Case number', width: 64, text: (c) => [c.case_number ?? '(not recorded)'] },
  {
    title: 'Name / AKA',
    width: 110,
    text: (c) => [c.name ?? '(no name)', ...(c.aka ? c.aka.split('; ').map((a) => `aka ${a}`) : [])],
  },
  { title: 'DOB', width: 46, text: (c) => [c.dob ?? ''] },
  { title: 'CII number', width: 48, text: (c) => [c.cii_number ?? ''] },
  { title: 'Convicted', width: 46, text: (c) => (c.conviction_date ?? '').split('; ') },
  { title: 'Code sections', width: 80, text: (c) => [c.code_sections] },
  { title: 'Relief', width: 70, text: (c) => [reliefLabel(c.remedy, c.determination)] },
  { title: 'Rule ids', width: 76, text: (c) => c.rule_ids.split('; ') },
]
if (COLUMNS.reduce((a, c) => a + c.width, 0) !== CONTENT_WIDTH)
  throw new Error('table columns must fill the width')

const NOTE_INDENT = COLUMNS[0]!.width + PAD

/** The label already says "Missing facts" / "Ground": drop the reason's own opening words. */
const shortReason = (reason: string) =>
  reason
    .split(' | ')
    .map((r) => r.replace(/^(Needs review|Not eligible)\s*:\s*/i, ''))
    .join(' | ')

export interface TableRow {
  cells: string[][]
  note: string[]
  height: number
}

export function measureRow(c: MotionCase, section: ReliefSection, fonts: Fonts): TableRow {
  const cells = COLUMNS.map((col) =>
    capLines(
      col.text(c).flatMap((t) => wrapText(pdfSafe(t), fonts.sans, SIZE, col.width - 2 * PAD)),
      MAX_CELL_LINES,
    ),
  )
  const note =
    section.showReason && c.reason
      ? capLines(
          wrapText(
            pdfSafe(`${section.reasonLabel}: ${shortReason(c.reason)}`),
            fonts.sansItalic,
            NOTE_SIZE,
            CONTENT_WIDTH - NOTE_INDENT - PAD,
          ),
          MAX_CELL_LINES,
        )
      : []
  const lines = Math.max(...cells.map((l) => l.length))
  return { cells, note, height: lines * LINE + note.length * NOTE_LINE + 2 * PAD }
}

/** Space for rows on a table page, below the schedule heading and the column headers. */
export const ROWS_HEIGHT = PAGE.height - MARGIN.top - MARGIN.bottom - HEADING_HEIGHT - HEADER_ROW_HEIGHT

/** Splits rows into pages greedily; a row taller than a page still gets a page of its own. */
export function paginate(heights: readonly number[], available: number): number[][] {
  const pages: number[][] = []
  let cur: number[] = []
  let used = 0
  heights.forEach((h, i) => {
    if (cur.length && used + h > available) {
      pages.push(cur)
      cur = []
      used = 0
    }
    cur.push(i)
    used += h
  })
  if (cur.length) pages.push(cur)
  return pages
}

export interface TableContext {
  fonts: Fonts
  /** e.g. "SAN JOAQUIN County - CASC STOCKTON" */
  place: string
}

function drawHeading(
  page: PDFPage,
  batch: PageBatch,
  section: ReliefSection,
  ctx: TableContext,
  continued: boolean,
): number {
  const { fonts } = ctx
  const title = pdfSafe(
    `Schedule ${section.schedule}: ${section.title} (${section.citation})${continued ? ' - continued' : ''}`,
  )
  const top = PAGE.height - MARGIN.top
  batch.text(title, MARGIN.left, top - 11, fonts.sansBold, 11)
  batch.text(pdfSafe(ctx.place), MARGIN.left, top - 24, fonts.sans, 8, 0.35)
  const y = top - HEADING_HEIGHT
  page.drawRectangle({
    x: MARGIN.left,
    y: y - HEADER_ROW_HEIGHT,
    width: CONTENT_WIDTH,
    height: HEADER_ROW_HEIGHT,
    color: SHADE,
  })
  let x = MARGIN.left
  for (const col of COLUMNS) {
    batch.text(col.title, x + PAD, y - PAD - SIZE, fonts.sansBold, SIZE)
    x += col.width
  }
  return y - HEADER_ROW_HEIGHT
}

function drawRow(batch: PageBatch, row: TableRow, top: number, fonts: Fonts): number {
  let x = MARGIN.left
  row.cells.forEach((lines, i) => {
    lines.forEach((line, j) => batch.text(line, x + PAD, top - PAD - SIZE - j * LINE, fonts.sans, SIZE))
    x += COLUMNS[i]!.width
  })
  const noteTop = top - PAD - Math.max(...row.cells.map((l) => l.length)) * LINE
  row.note.forEach((line, j) =>
    batch.text(
      line,
      MARGIN.left + NOTE_INDENT,
      noteTop - NOTE_SIZE - j * NOTE_LINE,
      fonts.sansItalic,
      NOTE_SIZE,
      0.35,
    ),
  )
  const bottom = top - row.height
  batch.hline(MARGIN.left, MARGIN.left + CONTENT_WIDTH, bottom)
  return bottom
}

/** Adds the pages of one schedule; returns how many. */
export function drawSchedule(
  doc: PDFDocument,
  section: ReliefSection,
  cases: readonly MotionCase[],
  ctx: TableContext,
): number {
  const rows = cases.map((c) => measureRow(c, section, ctx.fonts))
  const pages = paginate(
    rows.map((r) => r.height),
    ROWS_HEIGHT,
  )
  pages.forEach((idx, p) => {
    const page = doc.addPage([PAGE.width, PAGE.height])
    const batch = new PageBatch(page)
    let y = drawHeading(page, batch, section, ctx, p > 0)
    for (const i of idx) y = drawRow(batch, rows[i]!, y, ctx.fonts)
    batch.flush()
  })
  return pages.length
}
