/**
 * One court's motion as a PDF: the cover motion, then one schedule per relief, then the footer on every
 * page. No clock, no random ids: the same rows and run give the same bytes, so `relief export` can
 * reproduce a run's files exactly.
 */
import { drawFooters, PAGE, PageList } from './page-layout.ts'
import { writePdf } from './pdf-file.ts'
import { FONTS } from './std-fonts.ts'
import { drawCover, type ScheduleTotal } from './cover-motion.ts'
import { drawSchedule } from './case-table.ts'
import { pdfSafe } from './pdf-text.ts'
import type { MotionCase } from './motion-cases.ts'
import type { ReliefSection } from './relief-sections.ts'

export interface MotionDocument {
  county: string
  court: string
  runId: string
  asOf: string
  policy: string
  toolVersion: string
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

export function renderMotionPdf(m: MotionDocument): RenderedMotion {
  const doc = new PageList()
  drawCover(doc, {
    county: m.county,
    court: m.court,
    runId: m.runId,
    asOf: m.asOf,
    policy: m.policy,
    totals: scheduleTotals(m.schedules),
    people: new Set(m.schedules.flatMap((s) => s.cases.map((c) => c.subject_id))).size,
  })
  const place = `${m.county} County - ${m.court}`
  for (const { section, cases } of m.schedules) if (cases.length) drawSchedule(doc, section, cases, { place })
  drawFooters(doc.pages, { runId: m.runId, asOf: m.asOf, title: place })
  const bytes = writePdf(
    doc.pages.map((p) => p.content()),
    Object.values(FONTS),
    PAGE,
    {
      title: pdfSafe(`Bulk motion under HS 11361.9 - ${m.court}, ${m.county} County`),
      subject: pdfSafe(`record-relief run ${m.runId}, as of ${m.asOf}`),
      keywords: pdfSafe(`Proposition 64 HS 11361.8 HS 11361.9 run ${m.runId}`),
      creator: pdfSafe(`record-relief ${m.toolVersion}`),
      producer: 'record-relief',
    },
  )
  return { bytes, pages: doc.pages.length }
}
