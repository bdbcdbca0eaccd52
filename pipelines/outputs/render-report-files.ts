/**
 * The report's drawing half: from the published marts (as Arrow IPC bytes) and the run's facts, every chart (SVG,
 * PNG, Vega-Lite) and the page, written under public/report. It reads no database, so it runs on a worker thread
 * beside the run's other output steps (report-renderer.ts), or on the calling thread; the files are the same.
 */
import { writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { tableFromIPC } from 'apache-arrow'
import type { Manifest } from '../../data-contracts/manifest.contract.ts'
import type { ChartDef } from '../../reports/charts/chart.ts'
import { californiaCounties } from '../../reports/report/county-geometry.ts'
import type { PublicMart } from '../../reports/report/public-marts.ts'
import { drawChart, type DrawnChart } from '../../reports/report/render-chart.ts'
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
import { ChartPngs } from './chart-pngs.ts'
import type { Worker } from 'node:worker_threads'

/** A published mart as it crosses to the drawing thread: its table as its Arrow IPC bytes only. */
export type PublishedMart = Omit<PublicMart, 'table'>

/** What the drawing needs: plain data, so it can be posted to a worker thread. */
export interface ReportJob {
  /** Run folder (or its staging folder): the files go to public/report under it. */
  out: string
  /** public/report and public/marts under `out`; the report folder exists and is empty. */
  dir: string
  marts: string
  runId: string
  asOf: string
  minCell: number
  manifest: Manifest
  /** Whether the run reconciled a court index (its court-only section is drawn). */
  courtOnly: boolean
  published: PublishedMart[]
}

export interface RenderedReport {
  /** Files written, relative to the run folder: the page, the charts, then the marts' files. */
  files: string[]
  htmlBytes: number
  charts: number
}

/** `pngHelper`: a thread that draws some of the PNGs beside this one (chart-pngs.ts); without one, all are drawn here. */
export async function renderReportFiles(job: ReportJob, pngHelper?: Worker): Promise<RenderedReport> {
  const policy = job.manifest.options.policy
  const marts = new Map<string, PublicMart>(
    job.published.map((m) => [m.name, { ...m, table: tableFromIPC(m.ipc) }]),
  )
  const data: ReportData = {
    runId: job.runId,
    asOf: job.asOf,
    policy,
    county: job.manifest.options.county,
    minCell: job.minCell,
    manifest: job.manifest,
    marts,
    counties: californiaCounties(),
    ctx: {
      source: `record-relief run ${job.runId} (as of ${job.asOf}${policy === 'statute' ? '' : `, policy ${policy}`}) on the CA DOJ extract; population 2020 Census; cells under ${job.minCell} people withheld`,
      minCell: job.minCell,
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
    ...(job.courtOnly ? [courtOnlySection(data)] : []),
  ]
  const defs = sections.flatMap((s) => s.parts.filter((p): p is ChartDef => typeof p !== 'string'))
  const charts = new Map<string, DrawnChart>()
  const files: string[] = []
  const pngs = new ChartPngs(pngHelper)
  for (const def of defs) {
    if (charts.has(def.name)) throw new Error(`report: two charts named ${def.name}`)
    const c = drawChart(def, data.ctx)
    charts.set(def.name, c)
    pngs.offer(c.svg, c.width)
    writeFileSync(join(job.dir, `${def.name}.svg`), c.svg)
    writeFileSync(join(job.dir, `${def.name}.vl.json`), c.vegaLite)
    files.push(
      ...['svg', 'png', 'vl.json'].map((ext) => relative(job.out, join(job.dir, `${def.name}.${ext}`))),
    )
  }
  const martFiles = job.published.flatMap((m) => m.files)
  sections.push(methodSection(data, martFiles, [...charts.keys()]))
  const html = renderPage(data, sections, charts)
  const htmlPath = join(job.dir, 'index.html')
  writeFileSync(htmlPath, html)
  // The PNGs last: the helper draws from the first chart while the page is put together.
  const drawn = await pngs.all()
  defs.forEach((def, i) => writeFileSync(join(job.dir, `${def.name}.png`), drawn[i]!))
  files.unshift(relative(job.out, htmlPath))
  files.push(...martFiles.map((f) => relative(job.out, join(job.marts, f))))
  return { files, htmlBytes: Buffer.byteLength(html), charts: charts.size }
}
