/**
 * Builds public/report/index.html and everything beside it from a run's database: publishes the marts
 * (suppressed; CSV, Parquet, Arrow), then has every chart (SVG, PNG, Vega-Lite) and the page drawn and written
 * (render-report-files.ts, on the report's worker thread). Same database and options, same bytes.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { type Db } from '../lib/duckdb.ts'
import { lit } from '../../sql/helpers/quote.ts'
import type { Manifest } from '../../data-contracts/manifest.contract.ts'
import { MIN_CELL } from '../../reports/suppression/min-cell.ts'
import { COMPARE_MART, PUBLIC_MARTS } from '../../reports/report/public-marts.ts'
import { COMPARE_BOUND_SQL, maskMarts } from './publish-marts.ts'
import { COURT_ONLY_MART } from '../../reports/report/court-only-mart.ts'
import { reportDrawer, type DrawnOn, type ReportDrawer } from './report-renderer.ts'

export interface ReportOptions {
  db: Db
  /** Run folder. */
  out: string
  runId: string
  asOf: string
  manifest: Manifest
  /** Withhold cells under this many people (default MIN_CELL). */
  minCell?: number
  /** Draw on the calling thread instead of the report's worker thread (the same files; for tests). */
  drawHere?: boolean
}

export interface ReportResult {
  /** Files written, relative to the run folder. */
  files: string[]
  html: string
  htmlBytes: number
  charts: number
  drawnOn: DrawnOn
}

export const reportPaths = (out: string) => ({
  dir: join(out, 'public', 'report'),
  html: join(out, 'public', 'report', 'index.html'),
  marts: join(out, 'public', 'marts'),
})

export async function writeReport(o: ReportOptions): Promise<ReportResult> {
  const minCell = o.minCell ?? MIN_CELL
  if (!Number.isInteger(minCell) || minCell < 1)
    throw new Error(`min cell must be a whole number ≥ 1, got ${minCell}`)
  // The drawing reads no database: it is done on the report's worker thread, which loads meanwhile.
  const drawer = reportDrawer({ here: o.drawHere })
  try {
    return await publishAndDraw(o, minCell, drawer)
  } finally {
    drawer.close()
  }
}

async function publishAndDraw(
  o: ReportOptions,
  minCell: number,
  drawer: ReportDrawer,
): Promise<ReportResult> {
  const paths = reportPaths(o.out)
  // A rebuild must not leave charts of an earlier report beside the new one.
  rmSync(paths.dir, { recursive: true, force: true })
  mkdirSync(paths.dir, { recursive: true })
  const compareCsv = join(o.out, 'compare.csv')
  const specs = [...PUBLIC_MARTS]
  if (existsSync(compareCsv)) {
    await o.db.run(
      `create or replace temp table report_compare as select * from read_csv(${lit(compareCsv)}, header = true)`,
    )
    await o.db.run(COMPARE_BOUND_SQL)
    specs.push(COMPARE_MART)
  }
  // A run that reconciled a court index publishes its court-only mart and section (pipelines/reconcile).
  const courtOnly =
    Number(
      await o.db.scalar(`select count(*) from duckdb_tables() where table_name = '${COURT_ONLY_MART.name}'`),
    ) > 0
  if (courtOnly) specs.push(COURT_ONLY_MART)
  const { marts, writeFiles } = await maskMarts(o.db, minCell, paths.marts, specs)
  // The charts are drawn (on the worker) while the marts' files are written here.
  const drawing = drawer.draw({
    out: o.out,
    dir: paths.dir,
    marts: paths.marts,
    runId: o.runId,
    asOf: o.asOf,
    minCell,
    manifest: o.manifest,
    courtOnly,
    // Each mart crosses as its Arrow bytes (those of its .arrow file), not as a table object.
    published: [...marts.values()].map(({ table: _table, ...m }) => m),
  })
  // Both settle before either's failure is thrown: the drawing writes into the same folder.
  const [written, drawn] = await Promise.allSettled([writeFiles(), drawing])
  if (written.status === 'rejected') throw written.reason
  if (drawn.status === 'rejected') throw drawn.reason
  return { ...drawn.value, html: paths.html }
}
