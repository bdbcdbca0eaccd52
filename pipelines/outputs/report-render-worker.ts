/**
 * Worker thread of the report renderer (report-renderer.ts): it loads the drawing modules as soon as it starts
 * (the report step starts it before publishing the marts), then draws and writes the one report it is sent.
 */
import { parentPort } from 'node:worker_threads'
import { renderReportFiles, type ReportJob } from './render-report-files.ts'

const port = parentPort
if (!port) throw new Error('report-render-worker runs as a worker thread only')
port.on('message', (job: ReportJob) => {
  try {
    port.postMessage({ result: renderReportFiles(job) })
  } catch (e) {
    port.postMessage({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) })
  }
})
