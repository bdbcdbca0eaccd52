/**
 * A set of motions from a mart of motion cases: for every court in it, <folder>/<county>/<court>.csv and .pdf
 * (the motion with its schedules), plus <folder>/index.csv listing them with their page counts and totals. The
 * folder is emptied first so a court from an earlier run cannot linger. The `motions` step writes the DOJ's list
 * this way; a reconciled court index writes the court-only convictions' supplemental motions the same way.
 *
 * Each court's rows are read as one string of JSON arrays in motion order (the driver reads a string per
 * cell, with a native call and a decode: one per court costs next to nothing), each row's reason given by
 * number (see motion-court.ts). Each court's string goes to a render worker, which parses it and draws and
 * writes that court's two files: the main thread only queries and writes the index, and reads the next
 * county while the workers draw.
 */
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import type { OutputContext } from './output-step.ts'
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
import { drawNatively } from './native-motions.ts'
import { MOTION_COLUMNS, type CourtResult, type MotionRowsJson } from './motion-court.ts'
import { lit } from '../../sql/helpers/quote.ts'
import { RELIEF_COLUMNS, sectionsFor, type MotionRelief } from '../../reports/motions/relief-sections.ts'
import type { MotionSource } from '../../reports/motions/motion-source.ts'

export const NO_COUNTY = '(county not recorded)'
export const NO_COURT = '(court not recorded)'

/** What a set of motions is drawn from, and where it goes. */
export interface MotionSet {
  /** A mart with the MotionCaseRow columns (the motion cases and their motion_order). */
  mart: string
  /** The folder under restricted/ that holds the set, e.g. ['motions']. */
  folder: readonly string[]
  /** Where its convictions were found: the covers say so. */
  source: MotionSource
  /** About how many cases it holds, to choose between the main thread and the render workers. */
  size: number
}

/** The set's motion cases, computed once (the mart is a view) and then read one county at a time. */
const CASES_TABLE = 'motion_cases_now'
/** The distinct reasons of those cases, numbered: rows carry the number, not the ~300-character text. */
const REASONS_TABLE = 'motion_reasons_now'

/** A court's rows as one string (MotionRowsJson), from the cases `m` and their numbered reasons `x`. */
const ROWS_JSON = `string_agg(to_json([${MOTION_COLUMNS.map((c) =>
  c === 'reason' ? 'x.id::varchar' : `m.${c}::varchar`,
).join(', ')}]), ',' order by m.motion_order)`
const CASES_WITH_REASONS = `${CASES_TABLE} m join ${REASONS_TABLE} x on x.reason = m.reason`

const equals = (col: string, v: string | null) => (v === null ? `m.${col} is null` : `m.${col} = ${lit(v)}`)

/**
 * One county's courts in motion order, each with its rows as one string in motion order (court, schedule,
 * case). One string per court, not per row: the driver reads each string with a native call and a decode,
 * which per row cost more than the query. A county at a time keeps the JavaScript heap to the largest
 * county's cases, not the state's. (writeMotions has checked that the courts tile motion_order.)
 */
async function countyCourts(db: Db, county: string | null): Promise<{ n: number; rows: MotionRowsJson }[]> {
  return db.rows(
    `select count(*)::int as n, ${ROWS_JSON} as rows from ${CASES_WITH_REASONS}
     where ${equals('county', county)} group by m.court order by min(m.motion_order)`,
  )
}

/** One court's rows (for a court the native drawer left to JavaScript). */
async function courtJson(db: Db, county: string | null, court: string | null): Promise<MotionRowsJson> {
  const rows = await db.rows<{ rows: MotionRowsJson | null }>(
    `select ${ROWS_JSON} as rows from ${CASES_WITH_REASONS}
     where ${equals('county', county)} and ${equals('court', court)}`,
  )
  return rows[0]?.rows ?? ''
}

/** How a set's courts were drawn: by the native drawer, or in JavaScript (and why, when the drawer took none). */
export interface MotionsDrawn {
  native: number
  javascript: number
  /** Why the drawer took none of them. */
  why?: string
  /** Why it left the courts it left, one per court. */
  left?: string[]
}

/**
 * Writes the set's files; returns them, relative to the run folder. `native: false` draws every court in
 * JavaScript (the tests hold the two to the same bytes); `drawn` hears how the courts were drawn.
 */
export async function writeMotions(
  ctx: OutputContext,
  set: MotionSet,
  { native = true, drawn: told }: { native?: boolean; drawn?: (how: MotionsDrawn) => void } = {},
): Promise<string[]> {
  const { db } = ctx
  // Courts render on worker threads (unref'd: they never hold the process); the pool starts before the
  // query so the threads boot while it runs, and closes once every court is written or one fails.
  const pool = motionRenderPool(set.size)
  const courts: { county: string; court: string; base: string }[] = []
  const results: Promise<CourtResult>[] = []
  const written: string[] = []
  const restricted = outPaths(ctx.out).restricted
  restrictedDir(restricted)
  const root = freshRestrictedDir(restricted, ...set.folder)
  const scratch = join(root, '.native')
  try {
    await db.run(`create or replace temp table ${CASES_TABLE} as select * from ${set.mart}`)
    await db.run(
      `create or replace temp table ${REASONS_TABLE} as select reason, (row_number() over (order by reason) - 1)::int as id
         from (select distinct reason from ${CASES_TABLE})`,
    )
    const reasons = (
      await db.rows<{ reason: string }>(`select reason from ${REASONS_TABLE} order by id`)
    ).map((r) => r.reason)
    // The distinct reliefs the rows ask for. A remedy the schedule list does not know (from a policy layer) gets
    // its own schedule after F.
    const reliefs = await db.rows<MotionRelief>(
      `select distinct ${RELIEF_COLUMNS.join(', ')} from ${CASES_TABLE} order by all nulls first`,
    )
    const sections = sectionsFor(reliefs)
    const counties = await db.rows<{ county: string | null; first: number; n: number }>(
      `select county, min(motion_order)::int as first, count(*)::int as n from ${CASES_TABLE}
         group by county order by first`,
    )
    const countySlugs = uniqueSlugs(
      counties.map((c) => c.county),
      'unknown-county',
    )
    const heading = {
      runId: ctx.runId,
      asOf: ctx.asOf,
      policy: ctx.manifest.options.policy,
      toolVersion: ctx.manifest.tool.version,
      source: set.source,
    }
    const courtJob = (k: { county: string; court: string; base: string }, rows: MotionRowsJson) => ({
      ...k,
      ...heading,
      sections,
      rows,
      reasons,
    })
    // Every court, county by county in motion order, with its files' place.
    const allCourts = await db.rows<{
      county: string | null
      court: string | null
      first: number
      last: number
      n: number
    }>(
      `select county, court, min(motion_order)::int as first, max(motion_order)::int as last, count(*)::int as n
       from ${CASES_TABLE} group by county, court order by first`,
    )
    const raw: { county: string | null; court: string | null; n: number }[] = []
    let next = 1
    for (const [ci, c] of counties.entries()) {
      const inCounty = allCourts.filter((k) => k.county === c.county)
      // motion_order is a row_number (1..n) ordered by county, then court: the courts tile first..first+n-1.
      for (const k of inCounty) {
        if (k.first !== next || k.last - k.first + 1 !== k.n)
          throw new Error(`${set.mart}: motion_order of court ${k.court} is not a run of row numbers`)
        next += k.n
      }
      if (next !== c.first + c.n)
        throw new Error(`${set.mart}: ${next - c.first} rows for a county of ${c.n}`)
      const dir = restrictedDir(restricted, ...set.folder, countySlugs[ci]!)
      const courtSlugs = uniqueSlugs(
        inCounty.map((k) => k.court),
        'unknown-court',
      )
      for (const [ki, k] of inCounty.entries()) {
        const base = join(dir, courtSlugs[ki]!)
        courts.push({ county: c.county ?? NO_COUNTY, court: k.court ?? NO_COURT, base })
        raw.push({ county: k.county, court: k.court, n: k.n })
        written.push(runRelative(ctx.out, `${base}.csv`), runRelative(ctx.out, `${base}.pdf`))
      }
    }

    const drawn =
      native && courts.length
        ? await drawNatively({
            db,
            cases: CASES_TABLE,
            reasons: REASONS_TABLE,
            reasonTexts: reasons,
            reliefs,
            sections,
            courts: courts.map((k, i) => ({ ...k, rawCounty: raw[i]!.county, rawCourt: raw[i]!.court })),
            heading,
            scratch: restrictedDir(scratch),
            pool,
          })
        : null
    if (drawn && 'outcomes' in drawn) {
      // The courts the drawer left are drawn in JavaScript, largest first.
      const left = drawn.outcomes.flatMap((o, i) => ('left' in o ? [{ i, why: o.left }] : []))
      left.sort((a, b) => raw[b.i]!.n - raw[a.i]!.n || a.i - b.i)
      for (const [i, o] of drawn.outcomes.entries()) if ('drawn' in o) results[i] = o.drawn
      for (const { i } of left)
        results[i] = pool.render(courtJob(courts[i]!, await courtJson(db, raw[i]!.county, raw[i]!.court)))
      told?.({
        native: courts.length - left.length,
        javascript: left.length,
        left: left.map(({ i, why }) => `${courts[i]!.court}: ${why}`),
      })
    } else {
      told?.({
        native: 0,
        javascript: courts.length,
        why: drawn ? drawn.why : native ? 'no courts' : 'asked for JavaScript',
      })
      // A county's rows are read while the workers still draw the one before (the query runs on DuckDB's
      // threads, the drawing on the pool's): at most two counties' rows are held at a time.
      let previous: Promise<unknown> = Promise.resolve()
      let base0 = 0
      for (const c of counties) {
        const inCounty = await countyCourts(db, c.county)
        // Largest courts first, so the last worker to finish is not left with a big one; the index keeps court
        // order. The county's renders finish before the next county is read: the heap holds one county.
        const bySize = inCounty.map((_, i) => i).sort((a, b) => inCounty[b]!.n - inCounty[a]!.n || a - b)
        for (const ki of bySize)
          results[base0 + ki] = pool.render(courtJob(courts[base0 + ki]!, inCounty[ki]!.rows))
        const county = Promise.all(results.slice(base0, base0 + inCounty.length))
        // Awaited after the next county is read; a failure before then is not an unhandled rejection.
        county.catch(() => undefined)
        await previous
        previous = county
        base0 += inCounty.length
      }
      await previous
    }
    await Promise.all(results)
  } catch (e) {
    await Promise.allSettled(results)
    await pool.close()
    throw e
  } finally {
    rmSync(scratch, { recursive: true, force: true })
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
}
