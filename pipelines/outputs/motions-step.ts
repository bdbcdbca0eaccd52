/**
 * Output step `motions`: for every court with in-scope convictions, restricted/motions/<county>/<court>.csv
 * and .pdf (the bulk motion with its schedules), plus restricted/motions/index.csv listing them with their
 * page counts and totals. The folder is emptied first so a court from an earlier run cannot linger.
 *
 * Each row is read as one JSON string (the driver reads a string per cell, with a native call and a buffer
 * for every long one: one per row costs a tenth), its reason given by number (see motion-court.ts), unsorted,
 * and placed by its motion_order here (a sort in DuckDB would carry every column). Each court's rows go to a
 * render worker, which parses them and draws and writes that court's two files: the main thread only
 * queries, splits and writes the index, and reads the next county while the workers draw.
 */
import { join } from 'node:path'
import type { OutputContext, OutputStep } from './output-step.ts'
import { outPaths } from '../lib/paths.ts'
import type { Db } from '../lib/duckdb.ts'
import {
  freshRestrictedDir,
  restrictedDir,
  runRelative,
  writeRestrictedFile,
} from '../export/restricted-files.ts'
import { uniqueSlugs } from '../export/slug.ts'
import { MOTION_INDEX_COLUMNS } from '../../data-contracts/outputs/motion-cases.contract.ts'
import { spreadsheetSafe } from '../../data-contracts/outputs/spreadsheet-safety.ts'
import { motionRenderPool } from './motion-render-pool.ts'
import { MOTION_COLUMNS, type CourtResult, type MotionRowJson } from './motion-court.ts'
import { lit } from '../../sql/helpers/quote.ts'
import { sectionsFor } from '../../reports/motions/relief-sections.ts'

export const NO_COUNTY = '(county not recorded)'
export const NO_COURT = '(court not recorded)'

/** The run's motion cases, computed once (the mart is a view) and then read one county at a time. */
const CASES_TABLE = 'motion_cases_now'
/** The distinct reasons of those cases, numbered: rows carry the number, not the ~300-character text. */
const REASONS_TABLE = 'motion_reasons_now'

/**
 * One county's cases in motion order (court, schedule, case), one JSON array string per row, and each row's court.
 * A county at a time keeps the JavaScript heap to the largest county's cases, not the state's.
 */
async function countyRows(
  db: Db,
  county: string | null,
  first: number,
  n: number,
): Promise<{ rows: MotionRowJson[]; court: (string | null)[] }> {
  const values = MOTION_COLUMNS.map((c) => (c === 'reason' ? 'x.id::varchar' : `m.${c}::varchar`)).join(', ')
  const where = county === null ? 'm.county is null' : `m.county = ${lit(county)}`
  const query = `select to_json([${values}]) as r, m.motion_order, m.court from ${CASES_TABLE} m
    join ${REASONS_TABLE} x on x.reason = m.reason where ${where}`
  const [json, order, courts] = (await db.con.runAndReadAll(query)).getColumns() as [
    string[],
    number[],
    (string | null)[],
  ]
  // motion_order is a row_number (1..n) ordered by county first: a county's rows hold first..first+n-1.
  const rows = new Array<MotionRowJson>(n)
  const court = new Array<string | null>(n)
  if (json.length !== n) throw new Error(`mart_motion_cases: ${json.length} rows for a county of ${n}`)
  for (let i = 0; i < json.length; i++) {
    const at = order[i]! - first
    if (!(at >= 0 && at < n) || rows[at] !== undefined)
      throw new Error(`mart_motion_cases: motion_order ${order[i]} is not a row number`)
    rows[at] = json[i]!
    court[at] = courts[i] ?? null
  }
  return { rows, court }
}

/** [start, end) runs of equal values in rows [from, to): the rows arrive sorted, so no re-sorting. */
function runs(values: readonly unknown[], from: number, to: number): [number, number][] {
  const out: [number, number][] = []
  for (let i = from; i < to;) {
    let j = i + 1
    while (j < to && values[j] === values[i]) j++
    out.push([i, j])
    i = j
  }
  return out
}

export const motionsStep: OutputStep = {
  name: 'motions',
  async write(ctx: OutputContext): Promise<string[]> {
    const { db } = ctx
    // Courts render on worker threads (unref'd: they never hold the process); the pool starts before the
    // query so the threads boot while it runs, and closes once every court is written or one fails.
    const pool = motionRenderPool(ctx.manifest.counts.in_scope_counts)
    const courts: { county: string; court: string; base: string }[] = []
    const results: Promise<CourtResult>[] = []
    const written: string[] = []
    const restricted = outPaths(ctx.out).restricted
    restrictedDir(restricted)
    const root = freshRestrictedDir(restricted, 'motions')
    try {
      await db.run(`create or replace temp table ${CASES_TABLE} as select * from mart_motion_cases`)
      await db.run(
        `create or replace temp table ${REASONS_TABLE} as select reason, (row_number() over (order by reason) - 1)::int as id
         from (select distinct reason from ${CASES_TABLE})`,
      )
      const reasons = (
        await db.rows<{ reason: string }>(`select reason from ${REASONS_TABLE} order by id`)
      ).map((r) => r.reason)
      // A remedy the schedule list does not know (from a policy layer) gets its own schedule after F.
      const sections = sectionsFor(
        (
          await db.rows<{ remedy: string; determination: string; layer: string; is_related: boolean }>(
            `select distinct remedy, determination, layer, is_related from ${CASES_TABLE}`,
          )
        ).map((r) => ({ ...r, layer: r.layer as 'statute' | 'policy' })),
      )
      const counties = await db.rows<{ county: string | null; first: number; n: number }>(
        `select county, min(motion_order)::int as first, count(*)::int as n from ${CASES_TABLE}
         group by county order by first`,
      )
      const countySlugs = uniqueSlugs(
        counties.map((c) => c.county),
        'unknown-county',
      )
      // A county's rows are read while the workers still draw the one before (the query runs on DuckDB's
      // threads, the drawing on the pool's): at most two counties' rows are held at a time.
      let previous: Promise<unknown> = Promise.resolve()
      for (const [ci, c] of counties.entries()) {
        const { rows, court } = await countyRows(db, c.county, c.first, c.n)
        const dir = restrictedDir(restricted, 'motions', countySlugs[ci]!)
        const inCounty = runs(court, 0, rows.length)
        const courtSlugs = uniqueSlugs(
          inCounty.map(([from]) => court[from]!),
          'unknown-court',
        )
        // Largest courts first, so the last worker to finish is not left with a big one; the index keeps court
        // order. The county's renders finish before the next county is read: the heap holds one county.
        const bySize = inCounty
          .map((_, i) => i)
          .sort((a, b) => inCounty[b]![1] - inCounty[b]![0] - (inCounty[a]![1] - inCounty[a]![0]) || a - b)
        const base0 = courts.length
        for (const [ki, [from]] of inCounty.entries()) {
          const base = join(dir, courtSlugs[ki]!)
          courts.push({ county: c.county ?? NO_COUNTY, court: court[from] ?? NO_COURT, base })
          written.push(runRelative(ctx.out, `${base}.csv`), runRelative(ctx.out, `${base}.pdf`))
        }
        for (const ki of bySize) {
          const [from, to] = inCounty[ki]!
          const k = courts[base0 + ki]!
          results[base0 + ki] = pool.render({
            county: k.county,
            court: k.court,
            base: k.base,
            runId: ctx.runId,
            asOf: ctx.asOf,
            policy: ctx.manifest.options.policy,
            toolVersion: ctx.manifest.tool.version,
            sections,
            rows: rows.slice(from, to),
            reasons,
          })
        }
        const county = Promise.all(results.slice(base0))
        // Awaited after the next county is read; a failure before then is not an unhandled rejection.
        county.catch(() => undefined)
        await previous
        previous = county
      }
      await previous
    } catch (e) {
      await Promise.allSettled(results)
      await pool.close()
      throw e
    } finally {
      await db.run(`drop table if exists ${CASES_TABLE}`)
      await db.run(`drop table if exists ${REASONS_TABLE}`)
    }
    const done = await Promise.all(results).finally(() => pool.close())
    const indexRows = courts.map((c, i) => [
      c.county,
      c.court,
      runRelative(ctx.out, `${c.base}.csv`),
      runRelative(ctx.out, `${c.base}.pdf`),
      String(done[i]!.pages),
      done[i]!.cases,
      done[i]!.convictions,
      String(done[i]!.people),
    ])
    const indexPath = join(root, 'index.csv')
    const quote = (cell: string) => {
      const s = spreadsheetSafe(cell) // court names come from the extract (OWASP CSV injection)
      return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
    }
    writeRestrictedFile(
      indexPath,
      [[...MOTION_INDEX_COLUMNS], ...indexRows].map((r) => r.map(quote).join(',')).join('\n') + '\n',
    )
    written.push(runRelative(ctx.out, indexPath))
    return written
  },
}
