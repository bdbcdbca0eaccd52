/**
 * Output step `motions`: for every court with in-scope convictions, restricted/motions/<county>/<court>.csv
 * and .pdf (the bulk motion with its schedules), plus restricted/motions/index.csv listing them with their
 * page counts and totals. The folder is emptied first so a court from an earlier run cannot linger.
 *
 * Each row is read as one JSON string (the driver reads a string per cell, with a native call and a buffer
 * for every long one: one per row costs a tenth), unsorted, and placed by its motion_order here (a sort in
 * DuckDB would carry every column). Each court's rows go to a render worker, which parses them and draws
 * and writes that court's two files: the main thread only queries, splits and writes the index.
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
import { MOTION_COLUMNS, motionCase, type CourtResult, type MotionRowJson } from './motion-court.ts'
import { sectionsFor } from '../../reports/motions/relief-sections.ts'

export const NO_COUNTY = '(county not recorded)'
export const NO_COURT = '(court not recorded)'

/** mart_motion_cases in motion order (county, court, schedule, case), one JSON array string per row. */
async function motionRows(db: Db): Promise<MotionRowJson[]> {
  const values = MOTION_COLUMNS.map((c) => `${c}::varchar`).join(', ')
  const query = `select to_json([${values}]) as r, motion_order from mart_motion_cases`
  const [json, order] = (await db.con.runAndReadAll(query)).getColumns() as [string[], number[]]
  // motion_order is a row_number (1..n): each row has its own place.
  const rows = new Array<MotionRowJson>(json.length)
  for (let i = 0; i < json.length; i++) {
    const at = order[i]! - 1
    if (!(at >= 0 && at < json.length) || rows[at] !== undefined)
      throw new Error(`mart_motion_cases: motion_order ${order[i]} is not a row number`)
    rows[at] = json[i]!
  }
  return rows
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
    // Courts render on worker threads (unref'd: they never hold the process); the pool starts before the
    // query so the threads boot while it runs, and closes once every court is written or one fails.
    const pool = motionRenderPool(ctx.manifest.counts.in_scope_counts)
    const rows = await motionRows(ctx.db).catch(async (e: unknown) => {
      await pool.close()
      throw e
    })
    const restricted = outPaths(ctx.out).restricted
    restrictedDir(restricted)
    const root = freshRestrictedDir(restricted, 'motions')
    // A remedy the schedule list does not know (from a policy layer) gets its own schedule after F.
    const cases = rows.map(motionCase)
    const sections = sectionsFor(cases)
    const county = cases.map((c) => c.county)
    const court = cases.map((c) => c.court)
    const written: string[] = []
    const courts: { county: string; court: string; base: string; from: number; to: number }[] = []
    const counties = runs(county, 0, county.length)
    const countySlugs = uniqueSlugs(
      counties.map(([from]) => county[from]!),
      'unknown-county',
    )
    for (const [ci, [cFrom, cTo]] of counties.entries()) {
      const dir = restrictedDir(restricted, 'motions', countySlugs[ci]!)
      const inCounty = runs(court, cFrom, cTo)
      const courtSlugs = uniqueSlugs(
        inCounty.map(([from]) => court[from]!),
        'unknown-court',
      )
      for (const [ki, [from, to]] of inCounty.entries()) {
        const base = join(dir, courtSlugs[ki]!)
        courts.push({
          county: county[from] ?? NO_COUNTY,
          court: court[from] ?? NO_COURT,
          base,
          from,
          to,
        })
        written.push(runRelative(ctx.out, `${base}.csv`), runRelative(ctx.out, `${base}.pdf`))
      }
    }
    // Largest courts first, so the last worker to finish is not left with a big one; the index keeps court order.
    const results: Promise<CourtResult>[] = new Array(courts.length)
    const bySize = courts
      .map((_, i) => i)
      .sort((a, b) => courts[b]!.to - courts[b]!.from - (courts[a]!.to - courts[a]!.from) || a - b)
    for (const i of bySize) {
      const c = courts[i]!
      results[i] = pool.render({
        county: c.county,
        court: c.court,
        base: c.base,
        runId: ctx.runId,
        asOf: ctx.asOf,
        policy: ctx.manifest.options.policy,
        toolVersion: ctx.manifest.tool.version,
        sections,
        rows: rows.slice(c.from, c.to),
      })
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
