/**
 * Worker thread of the motion render pool: renders and writes one court's CSV and PDF per message (or assembles a
 * PDF from the native drawer's pages) and sends back the court's index figures. The renderers are pure, so the
 * files are the same as from the main thread.
 */
import { parentPort } from 'node:worker_threads'
import { runMotionJob, type MotionJob } from './motion-court.ts'
import { workerErrorText } from '../lib/worker-error.ts'

const port = parentPort
if (!port) throw new Error('motion-render-worker runs as a worker thread only')
port.on('message', ({ id, job }: { id: number; job: MotionJob }) => {
  try {
    port.postMessage({ id, result: runMotionJob(job) })
  } catch (e) {
    port.postMessage({ id, error: workerErrorText(e) })
  }
})
