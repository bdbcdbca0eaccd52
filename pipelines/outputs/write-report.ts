/**
 * Builds public/report/index.html and everything beside it from a run's database: publishes the marts
 * (suppressed; CSV, Parquet, Arrow), draws every chart (SVG, PNG, Vega-Lite), and writes the page.
 * Same database and options, same bytes.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { type Db } from '../lib/duckdb.ts'
import { lit } from '../../sql/helpers/quote.ts'
import type { Manifest } from '../../data-contracts/manifest.contract.ts'
import { MIN_CELL } from '../../reports/suppression/min-cell.ts'
import type { ChartDef } from '../../reports/charts/chart.ts'
import { californiaCounties } from '../../reports/report/county-geometry.ts'
import { COMPARE_MART, PUBLIC_MARTS } from '../../reports/report/public-marts.ts'
import { COMPARE_BOUND_SQL, publishMarts } from './publish-marts.ts'
import { renderChart, type RenderedChart } from '../../reports/report/render-chart.ts'
import { renderPage } from '../../reports/report/page.ts'
import type { ReportData, Section } from '../../reports/report/report-data.ts'
import { headlineSection } from '../../reports/report/sections/headline.ts'
import { countySection } from '../../reports/report/sections/county.ts'
import { yearSection } from '../../reports/report/sections/year.ts'
import { offenseSection } from '../../reports/report/sections/offense.ts'
import { demographicsSection } from '../../reports/report/sections/demographics.ts'
import { statutePolicySection } from '../../reports/report/sections/statute-policy.ts'
import { dataQualitySection } from '../../reports/report/sections/data-quality.ts'
import { methodSection } from '../../reports/report/sections/method.ts'
import { courtOnlySection } from '../../reports/report/sections/court-only.ts'
import { COURT_ONLY_MART } from '../../reports/report/court-only-mart.ts'

export interface ReportOptions {
  db: Db
  /** Run folder. */
  out: string
  runId: string
  asOf: string
  manifest: Manifest
  /** Withhold cells under this many people (default MIN_CELL). */
  minCell?: number
}

export interface ReportResult {
  /** Files written, relative to the run folder. */
  files: string[]
  html: string
  htmlBytes: number
  charts: number
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
  const marts = await publishMarts(o.db, minCell, paths.marts, specs)
  const policy = o.manifest.options.policy
  const county = o.manifest.options.county
  const data: ReportData = {
    runId: o.runId,
    asOf: o.asOf,
    policy,
    county,
    minCell,
    manifest: o.manifest,
    marts,
    counties: californiaCounties(),
    ctx: {
      source: `record-relief run ${o.runId} (as of ${o.asOf}${policy === 'statute' ? '' : `, policy ${policy}`}) on the CA DOJ extract; population 2020 Census; cells under ${minCell} people withheld`,
      minCell,
    },
  }
  const sections: Section[] = [
    headlineSection(data),
    countySection(data),
    yearSection(data),
    offenseSection(data),
    demographicsSection(data),
    statutePolicySection(data),
    dataQualitySection(data),
    ...(courtOnly ? [courtOnlySection(data)] : []),
  ]
  const defs = sections.flatMap((s) => s.parts.filter((p): p is ChartDef => typeof p !== 'string'))
  const charts = new Map<string, RenderedChart>()
  const files: string[] = []
  for (const def of defs) {
    if (charts.has(def.name)) throw new Error(`report: two charts named ${def.name}`)
    const c = renderChart(def, data.ctx)
    charts.set(def.name, c)
    writeFileSync(join(paths.dir, `${def.name}.svg`), c.svg)
    writeFileSync(join(paths.dir, `${def.name}.png`), c.png)
    writeFileSync(join(paths.dir, `${def.name}.vl.json`), c.vegaLite)
    files.push(
      ...['svg', 'png', 'vl.json'].map((ext) => relative(o.out, join(paths.dir, `${def.name}.${ext}`))),
    )
  }
  const martFiles = [...marts.values()].flatMap((m) => m.files)
  sections.push(methodSection(data, martFiles, [...charts.keys()]))
  const html = renderPage(data, sections, charts)
  writeFileSync(paths.html, html)
  files.unshift(relative(o.out, paths.html))
  files.push(...martFiles.map((f) => relative(o.out, join(paths.marts, f))))
  return { files, html: paths.html, htmlBytes: Buffer.byteLength(html), charts: charts.size }
}
