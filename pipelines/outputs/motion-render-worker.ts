/**
 * Worker thread of the motion render pool: renders and writes one court's CSV and PDF per message and sends
 * back the court's index figures. The renderers are pure, so the files are the same as from the main thread.
 */
import { parentPort } from 'node:worker_threads'
import { writeCourt, type CourtJob } from './motion-court.ts'

const port = parentPort
if (!port) throw new Error('motion-render-worker runs as a worker thread only')
port.on('message', ({ id, court }: { id: number; court: CourtJob }) => {
  try {
    port.postMessage({ id, result: writeCourt(court) })
  } catch (e) {
    port.postMessage({ id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) })
  }
})
