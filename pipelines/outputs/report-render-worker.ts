/**
 * Worker thread of the report renderer (report-renderer.ts): it loads the drawing modules as soon as it starts
 * and the county map's shapes (the report step starts it before publishing the marts), and starts its PNG helper
 * thread (chart-pngs.ts, from the module named in its workerData), then draws and writes the one report it is sent.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { renderReportFiles, type ReportJob } from './render-report-files.ts'
import { californiaCounties } from '../../reports/report/county-geometry.ts'
import { startPngHelper } from './chart-pngs.ts'
import { workerErrorText } from '../lib/worker-error.ts'

/** What the report renderer starts this thread with. */
export interface ReportWorkerData {
  /** The PNG helper's module (chart-png-worker.ts's bundle), if it has one. */
  pngHelper?: string
}

const port = parentPort
if (!port) throw new Error('report-render-worker runs as a worker thread only')
// Started now, so that it loads while the marts are published.
const helper = startPngHelper((workerData as ReportWorkerData | undefined)?.pngHelper)
port.on('message', (job: ReportJob) => {
  renderReportFiles(job, helper).then(
    (result) => port.postMessage({ result }),
    (e: unknown) => port.postMessage({ error: workerErrorText(e) }),
  )
})
// The county map's shapes are read while the marts are published too: they are kept for the drawing.
californiaCounties()
