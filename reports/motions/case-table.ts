/**
 * The schedules after the cover: one table per relief, each starting on a new page, with the schedule
 * heading and the column headers repeated on every page. Rows are measured first (wrapped lines per
 * cell), then split into pages, then drawn; a row never splits across pages.
 */
import { CONTENT_WIDTH, MARGIN, PAGE, RULE, SHADE } from './page-layout.ts'
import type { PageCanvas } from './page-canvas.ts'
import { capLines, pdfSafe, wrapText } from './pdf-text.ts'
import { FONTS, type Fonts } from './std-fonts.ts'
import type { MotionCase } from './motion-case.ts'
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
  /**
   * The same few values recur on thousands of rows: wrap each once per schedule, keyed by this text (the
   * value the cell is drawn from); undefined for a column whose values rarely repeat.
   */
  key?: (c: MotionCase) => string
  text(c: MotionCase): string[]
}

const COLUMNS: readonly Column[] = [
  { title: 'Case number', width: 64, text: (c) => [c.case_number ?? '(not recorded)'] },
  {
    title: 'Name / AKA',
    width: 110,
    text: (c) => [c.name ?? '(no name)', ...(c.aka ? c.aka.split('; ').map((a) => `aka ${a}`) : [])],
  },
  { title: 'DOB', width: 46, key: (c) => c.dob ?? '', text: (c) => [c.dob ?? ''] },
  { title: 'CII number', width: 48, text: (c) => [c.cii_number ?? ''] },
  {
    title: 'Convicted',
    width: 46,
    key: (c) => c.conviction_date ?? '',
    text: (c) => (c.conviction_date ?? '').split('; '),
  },
  { title: 'Code sections', width: 80, key: (c) => c.code_sections, text: (c) => [c.code_sections] },
  { title: 'Relief', width: 70, key: reliefLabel, text: (c) => [reliefLabel(c)] },
  { title: 'Rule ids', width: 76, key: (c) => c.rule_ids, text: (c) => c.rule_ids.split('; ') },
]
if (COLUMNS.reduce((a, c) => a + c.width, 0) !== CONTENT_WIDTH)
  throw new Error('table columns must fill the width')

const NOTE_INDENT = COLUMNS[0]!.width + PAD

/**
 * The label ("Missing facts", "Ground") and the Relief column already say what the reason's opening words
 * say: drop them ("Needs review:", "Not eligible:", "Dismiss and seal:", "Redesignate as ...:").
 */
const LEAD_IN = /^(Needs review|Not eligible|Dismiss and seal|Redesignate[^:|]{0,60})\s*:\s*/i
export const shortReason = (reason: string): string =>
  reason
    .split(' | ')
    .map((r) => r.replace(LEAD_IN, ''))
    .join(' | ')

export interface TableRow {
  cells: string[][]
  note: string[]
  height: number
}

/** Wrapped lines per repeated value, for one schedule: one map per column, and one for the reason notes. */
export interface WrapCache {
  cells: Map<string, string[]>[]
  notes: Map<string, string[]>
}

export const wrapCache = (): WrapCache => ({ cells: COLUMNS.map(() => new Map()), notes: new Map() })

function cellLines(col: Column, c: MotionCase, fonts: Fonts): string[] {
  const texts = col.text(c)
  const width = col.width - 2 * PAD
  if (texts.length === 1)
    return capLines(wrapText(pdfSafe(texts[0]!), fonts.sans, SIZE, width), MAX_CELL_LINES)
  return capLines(
    texts.flatMap((t) => wrapText(pdfSafe(t), fonts.sans, SIZE, width)),
    MAX_CELL_LINES,
  )
}

/** Wraps a row's cells and its reason line; every row prints its reason. */
export function measureRow(
  c: MotionCase,
  section: ReliefSection,
  fonts: Fonts = FONTS,
  cache: WrapCache = wrapCache(),
): TableRow {
  let lines = 1
  const cells: string[][] = new Array<string[]>(COLUMNS.length)
  for (let i = 0; i < COLUMNS.length; i++) {
    const col = COLUMNS[i]!
    let cell: string[] | undefined
    if (col.key) {
      const key = col.key(c)
      const seen = cache.cells[i]!
      cell = seen.get(key)
      if (!cell) seen.set(key, (cell = cellLines(col, c, fonts)))
    } else cell = cellLines(col, c, fonts)
    if (cell.length > lines) lines = cell.length
    cells[i] = cell
  }
  let note: string[] = []
  if (c.reason) {
    const seen = cache.notes.get(c.reason)
    if (seen) note = seen
    else {
      note = capLines(
        wrapText(
          pdfSafe(`${section.reasonLabel}: ${shortReason(c.reason)}`),
          fonts.sansItalic,
          NOTE_SIZE,
          CONTENT_WIDTH - NOTE_INDENT - PAD,
        ),
        MAX_CELL_LINES,
      )
      cache.notes.set(c.reason, note)
    }
  }
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
  /** e.g. "SAN JOAQUIN County - CASC STOCKTON" */
  place: string
}

function drawHeading(
  page: PageCanvas,
  section: ReliefSection,
  ctx: TableContext,
  continued: boolean,
): number {
  const fonts = FONTS
  const title = pdfSafe(
    `Schedule ${section.schedule}: ${section.title} (${section.citation})${continued ? ' - continued' : ''}`,
  )
  const top = PAGE.height - MARGIN.top
  page.text(title, MARGIN.left, top - 11, fonts.sansBold, 11)
  page.text(pdfSafe(ctx.place), MARGIN.left, top - 24, fonts.sans, 8, 0.35)
  const y = top - HEADING_HEIGHT
  page.rect(MARGIN.left, y - HEADER_ROW_HEIGHT, CONTENT_WIDTH, HEADER_ROW_HEIGHT, SHADE)
  let x = MARGIN.left
  for (const col of COLUMNS) {
    page.text(col.title, x + PAD, y - PAD - SIZE, fonts.sansBold, SIZE)
    x += col.width
  }
  return y - HEADER_ROW_HEIGHT
}

function drawRow(page: PageCanvas, row: TableRow, top: number): number {
  const fonts = FONTS
  let x = MARGIN.left
  let lines = 1
  for (let i = 0; i < row.cells.length; i++) {
    const cell = row.cells[i]!
    for (let j = 0; j < cell.length; j++)
      page.text(cell[j]!, x + PAD, top - PAD - SIZE - j * LINE, fonts.sans, SIZE)
    if (cell.length > lines) lines = cell.length
    x += COLUMNS[i]!.width
  }
  const noteTop = top - PAD - lines * LINE
  for (let j = 0; j < row.note.length; j++)
    page.text(
      row.note[j]!,
      MARGIN.left + NOTE_INDENT,
      noteTop - NOTE_SIZE - j * NOTE_LINE,
      fonts.sansItalic,
      NOTE_SIZE,
      0.35,
    )
  const bottom = top - row.height
  page.line(MARGIN.left, bottom, MARGIN.left + CONTENT_WIDTH, bottom, 0.25, RULE)
  return bottom
}

/** One schedule's rows, wrapped, and split into pages (row indexes per page). */
export interface ScheduleLayout {
  section: ReliefSection
  rows: TableRow[]
  pages: number[][]
}

/** Wraps and paginates one schedule before anything is drawn, so the document's page count is known first. */
export function layoutSchedule(section: ReliefSection, cases: readonly MotionCase[]): ScheduleLayout {
  const cache = wrapCache()
  const rows = cases.map((c) => measureRow(c, section, FONTS, cache))
  const pages = paginate(
    rows.map((r) => r.height),
    ROWS_HEIGHT,
  )
  return { section, rows, pages }
}

/** Draws page `p` of a schedule (its heading, "continued" after the first, and its rows). */
export function drawSchedulePage(
  page: PageCanvas,
  layout: ScheduleLayout,
  p: number,
  ctx: TableContext,
): void {
  let y = drawHeading(page, layout.section, ctx, p > 0)
  for (const i of layout.pages[p]!) y = drawRow(page, layout.rows[i]!, y)
}
