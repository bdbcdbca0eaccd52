/**
 * One court's motion as a PDF: the cover motion, then one schedule per relief, then the footer on every
 * page. No clock, no random ids: the same rows and run give the same bytes, so `relief export` can
 * reproduce a run's files exactly.
 */
import { footerDrawer, PAGE, PageList } from './page-layout.ts'
import { PageCanvas } from './page-canvas.ts'
import { PdfWriter } from './pdf-file.ts'
import { FONTS } from './std-fonts.ts'
import { drawCover, type ScheduleTotal } from './cover-motion.ts'
import { drawSchedulePage, layoutSchedule } from './case-table.ts'
import { pdfSafe } from './pdf-text.ts'
import type { MotionCase } from './motion-case.ts'
import type { ReliefSection } from './relief-sections.ts'
import { SOURCE_WORDING, type MotionSource } from './motion-source.ts'

export interface MotionDocument {
  county: string
  court: string
  runId: string
  asOf: string
  policy: string
  toolVersion: string
  source: MotionSource
  schedules: readonly { section: ReliefSection; cases: readonly MotionCase[] }[]
}

export interface RenderedMotion {
  bytes: Uint8Array
  pages: number
}

export function scheduleTotals(schedules: MotionDocument['schedules']): ScheduleTotal[] {
  return schedules.map(({ section, cases }) => ({
    section,
    cases: cases.length,
    convictions: cases.reduce((a, c) => a + c.counts, 0),
    people: new Set(cases.map((c) => c.subject_id)).size,
  }))
}

/** The facts of a motion other than its rows. */
export type MotionHeading = Omit<MotionDocument, 'schedules'>

/** "SAN JOAQUIN County - CASC STOCKTON": the schedule headings' and the footers' place. */
export const motionPlace = (m: Pick<MotionDocument, 'county' | 'court'>): string =>
  `${m.county} County - ${m.court}`

/** The cover's pages (not yet footed: the footers need the document's page count). */
export function motionCover(m: MotionHeading, totals: readonly ScheduleTotal[], people: number): PageList {
  const cover = new PageList()
  drawCover(cover, {
    county: m.county,
    court: m.court,
    runId: m.runId,
    asOf: m.asOf,
    policy: m.policy,
    source: m.source,
    totals,
    people,
  })
  return cover
}

/** The footer every page of the motion carries, for a document of `total` pages. */
export const motionFooter = (m: MotionHeading, total: number) =>
  footerDrawer({ runId: m.runId, asOf: m.asOf, title: motionPlace(m) }, total)

/** An empty PDF of `total` pages with the motion's document information. */
export function motionPdfWriter(m: MotionHeading, total: number): PdfWriter {
  return new PdfWriter(total, Object.values(FONTS), PAGE, {
    title: pdfSafe(`${SOURCE_WORDING[m.source].pdfTitle} - ${m.court}, ${m.county} County`),
    subject: pdfSafe(`record-relief run ${m.runId}, as of ${m.asOf}`),
    keywords: pdfSafe(`Proposition 64 HS 11361.8 HS 11361.9 run ${m.runId}`),
    creator: pdfSafe(`record-relief ${m.toolVersion}`),
    producer: 'record-relief',
  })
}

/**
 * Draws page by page: the cover first (its length depends on the names), then every schedule wrapped and
 * paginated, so the page count the footers print is known before a schedule page is drawn; each schedule
 * page is then drawn on one reused canvas, footed, compressed and appended, and not kept.
 */
export function renderMotionPdf(m: MotionDocument): RenderedMotion {
  const cover = motionCover(
    m,
    scheduleTotals(m.schedules),
    new Set(m.schedules.flatMap((s) => s.cases.map((c) => c.subject_id))).size,
  )
  const place = motionPlace(m)
  const tables = m.schedules.filter((s) => s.cases.length).map((s) => layoutSchedule(s.section, s.cases))
  const total = tables.reduce((n, t) => n + t.pages.length, cover.pages.length)
  const footer = motionFooter(m, total)
  const pdf = motionPdfWriter(m, total)
  let n = 0
  for (const page of cover.pages) {
    footer(page, n++)
    pdf.addPage(page.content())
  }
  const page = new PageCanvas()
  for (const t of tables)
    for (let p = 0; p < t.pages.length; p++) {
      page.reset()
      drawSchedulePage(page, t, p, { place })
      footer(page, n++)
      pdf.addPage(page.content())
    }
  return { bytes: pdf.finish(), pages: total }
}
