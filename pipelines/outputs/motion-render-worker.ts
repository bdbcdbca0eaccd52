/**
 * Worker thread of the motion render pool: renders one court's motion per message and sends the bytes back
 * (transferred, not copied). The renderer is pure, so the bytes are the same as on the main thread.
 */
import { parentPort } from 'node:worker_threads'
import { renderMotionPdf, type MotionDocument } from '../../reports/motions/motion-pdf.ts'

const port = parentPort
if (!port) throw new Error('motion-render-worker runs as a worker thread only')
port.on('message', ({ id, doc }: { id: number; doc: MotionDocument }) => {
  try {
    const { bytes, pages } = renderMotionPdf(doc)
    port.postMessage({ id, bytes, pages }, [bytes.buffer as ArrayBuffer])
  } catch (e) {
    port.postMessage({ id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) })
  }
})
