/**
 * One court's motion as a PDF: the cover motion, then one schedule per relief, then the footer on every
 * page. No clock, no random ids: the same rows and run give the same bytes, so `relief export` can
 * reproduce a run's files exactly.
 */
import { PDFDocument } from 'pdf-lib'
import { drawFooters, embedFonts } from './page-layout.ts'
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

export async function renderMotionPdf(m: MotionDocument): Promise<RenderedMotion> {
  // updateMetadata: false keeps pdf-lib from stamping the current time into the file.
  const doc = await PDFDocument.create({ updateMetadata: false })
  doc.setTitle(pdfSafe(`Bulk motion under HS 11361.9 - ${m.court}, ${m.county} County`))
  doc.setSubject(`record-relief run ${m.runId}, as of ${m.asOf}`)
  doc.setKeywords(['Proposition 64', 'HS 11361.8', 'HS 11361.9', `run ${m.runId}`])
  doc.setCreator(`record-relief ${m.toolVersion}`)
  doc.setProducer('pdf-lib')
  const fonts = await embedFonts(doc)
  drawCover(doc, fonts, {
    county: m.county,
    court: m.court,
    runId: m.runId,
    asOf: m.asOf,
    policy: m.policy,
    totals: scheduleTotals(m.schedules),
    people: new Set(m.schedules.flatMap((s) => s.cases.map((c) => c.subject_id))).size,
  })
  const place = `${m.county} County - ${m.court}`
  for (const { section, cases } of m.schedules)
    if (cases.length) drawSchedule(doc, section, cases, { fonts, place })
  drawFooters(doc, fonts, { runId: m.runId, asOf: m.asOf, title: place })
  const bytes = await doc.save()
  return { bytes, pages: doc.getPageCount() }
}
