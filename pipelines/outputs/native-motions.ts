/**
 * The motions drawn by native code (native/motion-draw.c): DuckDB copies every court's rows into one file, the
 * drawer writes each court's CSV and the content streams of its schedule pages, and the render workers assemble each
 * PDF from the cover (drawn here) and those pages. The bytes are the JavaScript renderers' (motion-court.ts), which
 * the tests hold them to; what the drawer would not draw exactly as they do (a text that is not plain printable
 * ASCII) it leaves, and that court is drawn in JavaScript.
 *
 * Why: at 2M lines the JavaScript renderers took about 4.7 CPU-s for 222,000 rows and 95 courts (parsing each
 * court's JSON, the CSV, wrapping and drawing), and DuckDB about 1 more turning the rows into JSON. The drawer does
 * the same work in about 0.5 (docs/scale.md, "Session 24").
 */
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Db } from '../lib/duckdb.ts'
import { lit } from '../../sql/helpers/quote.ts'
import { nativeProgram, runProgram, type NativeProgram } from '../lib/native-program.ts'
import { withInsertionOrder } from '../export/insertion-order.ts'
import { MOTION_CSV_COLUMNS } from '../../data-contracts/outputs/motion-cases.contract.ts'
import { csvField, reliefCsv } from '../../reports/motions/motion-csv.ts'
import { FONTS } from '../../reports/motions/std-fonts.ts'
import { pdfSafe } from '../../reports/motions/pdf-text.ts'
import { shortReason } from '../../reports/motions/case-table.ts'
import {
  motionCover,
  motionFooter,
  motionPlace,
  type MotionHeading,
} from '../../reports/motions/motion-pdf.ts'
import type { ScheduleTotal } from '../../reports/motions/cover-motion.ts'
import {
  RELIEF_COLUMNS,
  reliefLabel,
  scheduleKey,
  type MotionRelief,
  type ReliefSection,
} from '../../reports/motions/relief-sections.ts'
import { MOTION_COLUMNS, type CourtResult } from './motion-court.ts'
import type { MotionRenderPool } from './motion-render-pool.ts'

const SOURCE = fileURLToPath(new URL('./native/motion-draw.c', import.meta.url))

/** The drawer's binary, compiled on first use and kept (pipelines/lib/native-program.ts). */
export const motionDrawer = (): Promise<NativeProgram> =>
  nativeProgram('motion-draw', SOURCE, 'native motion drawer')

const SEP = '\x1f'
const NULL_FIELD = '\x01'

/** A court of the set, as writeMotions lists them. */
export interface DrawCourt {
  /** As the rows hold them (null when not recorded): the CSV's first two cells. */
  rawCounty: string | null
  rawCourt: string | null
  /** As the PDF prints them. */
  county: string
  court: string
  /** Absolute path of the court's files without extension. */
  base: string
}

export interface NativeDrawJob {
  db: Db
  /** The set's cases (motion_cases_now) and their numbered reasons (reason, id). */
  cases: string
  reasons: string
  reasonTexts: readonly string[]
  /** The distinct reliefs of the cases. */
  reliefs: readonly MotionRelief[]
  sections: readonly ReliefSection[]
  /** In motion order (the order of motion_order's runs). */
  courts: readonly DrawCourt[]
  /** The facts of every court's motion but its county and court. */
  heading: Omit<MotionHeading, 'county' | 'court'>
  /** Owner-only folder for the drawer's files, removed by the caller. */
  scratch: string
  pool: MotionRenderPool
}

/** A court drawn natively (its CSV written, its PDF assembling), or left to JavaScript. */
export type NativeCourtOutcome = { drawn: Promise<CourtResult> } | { left: string }

/**
 * The columns of a row in the rows file after the court, schedule, relief and reason numbers (motion-draw.c): the
 * motion columns the reliefs, courts and reasons do not carry, in their order.
 */
const CARRIED: readonly string[] = ['county', 'court', ...RELIEF_COLUMNS, 'reason']
const ROW_COLUMNS = MOTION_COLUMNS.filter((c) => !CARRIED.includes(c))
/** Those that are text, and so might hold a separator. */
const ROW_TEXTS = ROW_COLUMNS.filter((c) => c !== 'counts')

const RELIEFS_TABLE = 'motion_draw_reliefs'
const COURTS_TABLE = 'motion_draw_courts'

const nullable = (v: string | null) => (v === null ? 'null::varchar' : lit(v))

/** One field of the drawer's input must hold neither separator, nor be the NULL mark. */
const plainField = (v: string) => !v.includes('\n') && !v.includes(SEP) && v !== NULL_FIELD

/**
 * Draws every court it can; returns, per court in order, its outcome, or why the drawer cannot take the set at all
 * (every court is then drawn in JavaScript).
 */
export async function drawNatively(
  job: NativeDrawJob,
): Promise<{ outcomes: NativeCourtOutcome[] } | { why: string }> {
  const drawer = await motionDrawer()
  if ('why' in drawer) return { why: drawer.why }
  const { db, cases } = job
  // A text holding one of the input's separators cannot be written to it (DuckDB writes these fields unquoted).
  const texts = ROW_TEXTS.map(
    (c) => `contains(${c}, chr(31)) or contains(${c}, chr(10)) or ${c} = chr(1)`,
  ).join(' or ')
  if (await db.scalar<bigint>(`select count(*) from ${cases} where ${texts}`))
    return { why: 'a motion row holds a control character' }

  // The reliefs: each distinct combination of a row's relief columns, with its schedule.
  const reliefLines: string[][] = []
  const values = job.reliefs.map((c, i) => {
    const section = job.sections.findIndex((s) => s.key === scheduleKey(c))
    if (section < 0) throw new Error(`no schedule for ${scheduleKey(c)}`)
    const csv = reliefCsv(job.sections[section]!, c)
    reliefLines.push(['R', csv, pdfSafe(reliefLabel(c))])
    const relief = RELIEF_COLUMNS.map((k) => (k === 'is_related' ? String(c[k]) : nullable(c[k])))
    return `(${[...relief, section, i].join(', ')})`
  })
  const courtValues = job.courts.map((c, i) => `(${nullable(c.rawCounty)}, ${nullable(c.rawCourt)}, ${i})`)
  await db.run(`create or replace temp table ${RELIEFS_TABLE} as select * from (values ${values.join(', ')})
    r(${RELIEF_COLUMNS.join(', ')}, sched_ix, relief_ix)`)
  await db.run(`create or replace temp table ${COURTS_TABLE} as select * from (values ${courtValues.join(', ')})
    c(county, court, court_ix)`)
  try {
    const joined = `${cases} m
      join ${COURTS_TABLE} c on c.county is not distinct from m.county and c.court is not distinct from m.court
      join ${RELIEFS_TABLE} r on r.remedy is not distinct from m.remedy
        and r.determination is not distinct from m.determination
        and r.reduced_level is not distinct from m.reduced_level and r.layer is not distinct from m.layer
        and r.is_related is not distinct from m.is_related`
    // The covers' totals: per court and schedule, and the court's people.
    const totals = await db.rows<{
      court_ix: number
      sched_ix: number | null
      cases: number
      convictions: number
      people: number
    }>(`select c.court_ix, r.sched_ix, count(*)::int as cases, sum(m.counts)::int as convictions,
          count(distinct m.subject_id)::int as people
        from ${joined} group by grouping sets ((c.court_ix, r.sched_ix), (c.court_ix))`)
    const rowsPath = join(job.scratch, 'rows')
    await withInsertionOrder(db, () =>
      db.run(`copy (select c.court_ix, r.sched_ix, r.relief_ix, x.id, ${ROW_COLUMNS.map((t) => `m.${t}::varchar`).join(', ')}
        from ${joined} join ${job.reasons} x on x.reason = m.reason
        order by c.court_ix, r.sched_ix, m.motion_order)
      to ${lit(rowsPath)} (format csv, delimiter chr(31), quote '', escape '', header false, nullstr chr(1))`),
    )

    // The covers, drawn first: the schedule pages' footers count their pages.
    const perCourt = job.courts.map(() => ({
      totals: job.sections.map((section) => ({ section, cases: 0, convictions: 0, people: 0 })),
      people: 0,
    }))
    for (const t of totals) {
      const court = perCourt[t.court_ix]!
      if (t.sched_ix === null) court.people = t.people
      else
        court.totals[t.sched_ix] = {
          section: job.sections[t.sched_ix]!,
          cases: t.cases,
          convictions: t.convictions,
          people: t.people,
        }
    }
    const headings = job.courts.map((c) => ({ ...job.heading, county: c.county, court: c.court }))
    const covers = headings.map((h, i) => motionCover(h, perCourt[i]!.totals, perCourt[i]!.people))

    // The drawer's HEAD, a line of fields each (motion-draw.c).
    const head: string[][] = [
      ...[FONTS.sans, FONTS.sansBold, FONTS.sansItalic].map((f) => [
        'F',
        f.key,
        ...Array.from(f.widths.subarray(32), String),
      ]),
      ['H', MOTION_CSV_COLUMNS.join(',')],
      ...job.sections.map((s) => [
        'S',
        pdfSafe(`Schedule ${s.schedule}: ${s.title} (${s.citation})`),
        s.reasonLabel,
      ]),
      ...reliefLines,
      ...job.reasonTexts.map((r) => ['X', csvField(r), pdfSafe(shortReason(r))]),
      ...job.courts.map((c, i) => {
        const place = motionPlace(headings[i]!)
        return [
          'C',
          `${c.base}.csv`,
          pdfSafe(place),
          `${csvField(c.rawCounty)},${csvField(c.rawCourt)}`,
          pdfSafe(`record-relief run ${job.heading.runId} - as of ${job.heading.asOf} - ${place}`),
          String(covers[i]!.pages.length),
        ]
      }),
    ]
    if (!head.every((line) => line.every(plainField)))
      return { why: 'a court, relief or reason holds a control character' }
    const headPath = join(job.scratch, 'head')
    const pagesPath = join(job.scratch, 'pages')
    writeFileSync(headPath, head.map((line) => line.join(SEP)).join('\n') + '\n', { mode: 0o600 })
    const r = await runProgram(drawer.path, [headPath, rowsPath, pagesPath])
    rmSync(rowsPath, { force: true })
    // A failure (a signal, say, out of memory) leaves the courts to JavaScript, which writes over whatever CSVs the
    // drawer wrote, and says why.
    const drawn =
      r.code === 0
        ? (JSON.parse(r.stdout) as ({ pages: number; offset: number; length: number } | { quirk: string })[])
        : undefined
    if (!drawn || drawn.length !== job.courts.length)
      return {
        why: `the native motion drawer failed (${r.signal ?? `exit ${r.code}`}): ${r.stderr.trim() || 'it did not answer for every court'}`,
      }

    const outcomes = drawn.map((d, i): NativeCourtOutcome => {
      if ('quirk' in d) return { left: d.quirk }
      const heading = headings[i]!
      const cover = covers[i]!
      const total = cover.pages.length + d.pages
      const footer = motionFooter(heading, total)
      const coverStreams = cover.pages.map((page, n) => {
        footer(page, n)
        return page.content().slice()
      })
      const { totals: t, people } = perCourt[i]!
      return {
        drawn: job.pool
          .assemble({
            base: job.courts[i]!.base,
            heading,
            total,
            cover: coverStreams,
            pagesFile: pagesPath,
            offset: d.offset,
            length: d.length,
          })
          .then(() => courtResult(total, t, people)),
      }
    })
    return { outcomes }
  } finally {
    await db.run(`drop table if exists ${RELIEFS_TABLE}`)
    await db.run(`drop table if exists ${COURTS_TABLE}`)
  }
}

/** What the index line says about a court (as writeCourt's result). */
function courtResult(pages: number, totals: readonly ScheduleTotal[], people: number): CourtResult {
  return {
    pages,
    cases: totals.map((t) => `${t.section.schedule}=${t.cases}`).join(' '),
    convictions: totals.map((t) => `${t.section.schedule}=${t.convictions}`).join(' '),
    people,
  }
}
