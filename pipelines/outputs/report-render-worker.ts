/**
 * Worker thread of the report renderer (report-renderer.ts): it loads the drawing modules as soon as it starts
 * and the county map's shapes (the report step starts it before publishing the marts), then draws and writes the
 * one report it is sent.
 */
import { parentPort } from 'node:worker_threads'
import { renderReportFiles, type ReportJob } from './render-report-files.ts'
import { californiaCounties } from '../../reports/report/county-geometry.ts'

const port = parentPort
if (!port) throw new Error('report-render-worker runs as a worker thread only')
port.on('message', (job: ReportJob) => {
  try {
    port.postMessage({ result: renderReportFiles(job) })
  } catch (e) {
    port.postMessage({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) })
  }
})
// The county map's shapes are read while the marts are published too: they are kept for the drawing.
californiaCounties()
