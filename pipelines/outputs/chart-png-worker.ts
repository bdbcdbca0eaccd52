/**
 * The report's PNG helper thread (chart-pngs.ts): draws the PNG of each chart it is sent, unless the drawing thread
 * has claimed that chart first.
 */
import { parentPort } from 'node:worker_threads'
import { chartPng } from '../../reports/report/chart-png.ts'
import { CLAIM, type PngReply, type PngRequest } from './chart-pngs.ts'
import { workerErrorText } from '../lib/worker-error.ts'

const port = parentPort
if (!port) throw new Error('chart-png-worker runs as a worker thread only')
let claims: Int32Array | undefined
port.on('message', (m: PngRequest) => {
  if ('claims' in m) {
    claims = new Int32Array(m.claims)
    return
  }
  if (!claims || Atomics.compareExchange(claims, m.index, CLAIM.free, CLAIM.helper) !== CLAIM.free) return
  let reply: PngReply
  try {
    reply = { index: m.index, png: chartPng(m.svg, m.width) }
  } catch (e) {
    reply = { index: m.index, error: workerErrorText(e) }
  }
  port.postMessage(reply)
})
