/**
 * The cover of a court's motion: a bulk motion by the People under HS 11361.9 asking the court for the
 * relief in Schedules A-C, giving notice of the cases still under review (D) and of the People's challenges
 * (E), with totals per schedule, blank signature and date lines, and a proposed order. Wording is a draft
 * for the filing attorney, modelled on the structure of the San Francisco motions (see docs/legal-basis.md §3).
 */
import { INK, MARGIN, PAGE, CONTENT_WIDTH, SHADE, type PageList } from './page-layout.ts'
import { measure, pdfSafe } from './pdf-text.ts'
import { TextFlow } from './text-flow.ts'
import { FONTS as fonts } from './std-fonts.ts'
import type { ReliefSection } from './relief-sections.ts'
import { SOURCE_WORDING, type MotionSource } from './motion-source.ts'

export interface ScheduleTotal {
  section: ReliefSection
  cases: number
  convictions: number
  people: number
}

export interface CoverInfo {
  county: string
  court: string
  runId: string
  asOf: string
  policy: string
  /** Where the convictions were found: the DOJ's list, or the court's own records (a supplemental motion). */
  source: MotionSource
  totals: readonly ScheduleTotal[]
  /** Distinct people across all schedules. */
  people: number
}

const fmt = (n: number) => n.toLocaleString('en-US')

function totalsTable(flow: TextFlow, info: CoverInfo): void {
  const cols = [
    { title: 'Schedule', width: 56, align: 'left' as const },
    { title: 'Relief', width: 254, align: 'left' as const },
    { title: 'Cases', width: 70, align: 'right' as const },
    { title: 'Convictions', width: 80, align: 'right' as const },
    { title: 'People', width: 80, align: 'right' as const },
  ]
  const size = 9
  const rowH = 14
  const rows: { cells: string[]; bold: boolean }[] = info.totals.map((t) => ({
    cells: [
      t.section.schedule,
      `${t.section.title} (${t.section.citation})`,
      fmt(t.cases),
      fmt(t.convictions),
      fmt(t.people),
    ],
    bold: false,
  }))
  rows.push({
    cells: [
      '',
      'Total',
      fmt(info.totals.reduce((a, t) => a + t.cases, 0)),
      fmt(info.totals.reduce((a, t) => a + t.convictions, 0)),
      fmt(info.people),
    ],
    bold: true,
  })
  flow.need(rowH * (rows.length + 1) + 6)
  const draw = (cells: string[], bold: boolean, shade: boolean) => {
    const top = flow.y
    if (shade) flow.page.rect(MARGIN.left, top - rowH, CONTENT_WIDTH, rowH, SHADE)
    let x = MARGIN.left
    cells.forEach((text, i) => {
      const col = cols[i]!
      const font = bold ? fonts.sansBold : fonts.sans
      const t = pdfSafe(text)
      const w = measure(font, t, size)
      const tx = col.align === 'right' ? x + col.width - 4 - w : x + 4
      flow.page.text(t, tx, top - rowH + 4, font, size, INK)
      x += col.width
    })
    flow.page.line(MARGIN.left, top - rowH, MARGIN.left + CONTENT_WIDTH, top - rowH, 0.5, INK)
    flow.y -= rowH
  }
  draw(
    cols.map((c) => c.title),
    true,
    true,
  )
  for (const r of rows) draw(r.cells, r.bold, false)
  flow.gap(6)
}

function signatureBlock(flow: TextFlow, role: string): void {
  flow.need(48)
  flow.gap(30)
  const y = flow.y
  const line = (x1: number, x2: number) => flow.page.line(x1, y, x2, y, 0.75, INK)
  flow.page.text('Dated:', MARGIN.left, y + 2, fonts.serif, 10, INK)
  line(MARGIN.left + 34, MARGIN.left + 190)
  line(PAGE.width - MARGIN.right - 250, PAGE.width - MARGIN.right)
  flow.page.text(role, PAGE.width - MARGIN.right - 250, y - 12, fonts.serif, 9, INK)
  flow.gap(18)
}

/** Writes the cover pages; returns how many. */
export function drawCover(doc: PageList, info: CoverInfo): number {
  const flow = new TextFlow(doc)
  const words = SOURCE_WORDING[info.source]
  const small = { font: fonts.serif, size: 10 }
  const body = { font: fonts.serif, size: 11, leading: 15 }
  const center = (text: string, bold = true, size = 11) =>
    flow.paragraph(text, { font: bold ? fonts.serifBold : fonts.serif, size, align: 'center' })

  flow.paragraph(`DISTRICT ATTORNEY OF ${info.county} COUNTY`, small)
  flow.paragraph(
    'Deputy District Attorney: ______________________________  State Bar No. ____________',
    small,
  )
  flow.paragraph('Attorney for the People', small)
  flow.gap(14)
  center('SUPERIOR COURT OF THE STATE OF CALIFORNIA')
  center(`FOR THE COUNTY OF ${info.county}`)
  center(`${words.courtAs}: ${info.court}`, false, 10)
  flow.gap(12)

  flow.paragraph('THE PEOPLE OF THE STATE OF CALIFORNIA, Plaintiff,', body)
  flow.paragraph('v.', { ...body, indent: 24 })
  flow.paragraph(
    `THE PERSONS LISTED IN SCHEDULES ${info.totals.map((t) => t.section.schedule).join(', ')}, Defendants.`,
    body,
  )
  flow.paragraph('Case No. ____________________', body)
  flow.gap(10)
  center(words.title.toUpperCase())
  center('(Proposition 64, Adult Use of Marijuana Act; Assembly Bill 1793)', false, 10)
  flow.gap(10)

  flow.paragraph(
    `Under Health and Safety Code section 11361.9, the People have reviewed ${words.reviewed}, and move as follows. Each schedule lists, per court case, the person's name and other names, date of birth, CII number, date of conviction, code sections (with the number of counts) and the relief asked for.`,
    body,
  )
  flow.gap(4)
  for (const t of info.totals) {
    flow.paragraph(
      `Schedule ${t.section.schedule}: ${t.section.title} (${t.section.citation}), ${fmt(t.cases)} case(s), ${fmt(t.convictions)} conviction(s). ${t.section.request}`,
      { ...body, indent: 12 },
    )
    flow.gap(3)
  }
  flow.gap(6)
  totalsTable(flow, info)
  flow.paragraph(
    `The schedules were prepared with record-relief (run ${info.runId}, as of ${info.asOf}, policy "${info.policy}") ${words.preparedFrom}. Every listing is to be checked against the court file before this motion is filed.`,
    { font: fonts.serif, size: 9, leading: 12 },
  )
  signatureBlock(flow, 'Deputy District Attorney')

  flow.gap(8)
  center('[PROPOSED] ORDER')
  const requested = info.totals.filter((t) => t.section.reliefRequested).map((t) => t.section.schedule)
  flow.paragraph(
    `Good cause appearing, IT IS ORDERED that the relief requested in Schedule${requested.length === 1 ? '' : 's'} ${requested.join(', ')} is granted for each listed conviction, except: ______________________________________________. Convictions dismissed under Schedule A are sealed. Each person is relieved of any duty to register under Health and Safety Code section 11590 arising from a listed conviction that is dismissed or redesignated. The clerk shall update the court's records and report the dispositions to the Department of Justice.`,
    body,
  )
  signatureBlock(flow, 'Judge of the Superior Court')
  return flow.pages
}
