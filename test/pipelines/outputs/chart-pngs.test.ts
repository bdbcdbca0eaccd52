import { describe, expect, it } from 'vitest'
import { once } from 'node:events'
import { Worker } from 'node:worker_threads'
import { ChartPngs, CLAIM, type PngReply } from '../../../pipelines/outputs/chart-pngs.ts'
import { chartPngWorkerModule } from '../../../pipelines/outputs/report-renderer.ts'
import { chartPng } from '../../../reports/report/chart-png.ts'

/** A small chart-like SVG, different for each i. */
const svgOf = (i: number) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="60" height="30" viewBox="0 0 60 30">` +
  `<rect width="60" height="30" fill="white"/><rect x="${i * 5}" y="5" width="20" height="20" fill="#1b6ca8"/>` +
  `<text x="2" y="28" font-size="8">chart ${i}</text></svg>`
const SVGS = [0, 1, 2, 3].map(svgOf)
const drawnHere = SVGS.map((s) => chartPng(s, 60))

function helper(): Worker {
  const url = chartPngWorkerModule()
  if (!url) throw new Error('no PNG helper module could be kept')
  return new Worker(url)
}

/** Waits, letting messages in, until `done` holds (or fails after 20 s). */
async function until(done: () => boolean): Promise<void> {
  for (let waited = 0; !done(); waited += 10) {
    if (waited > 20_000) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 10))
  }
}

describe('the report’s chart PNGs on two threads', () => {
  it('are drawn here, in order, without a helper', async () => {
    const pngs = new ChartPngs()
    for (const s of SVGS) pngs.offer(s, 60)
    const all = await pngs.all()
    all.forEach((b, i) => expect(b.equals(drawnHere[i]!), `chart ${i}`).toBe(true))
    expect(pngs.helperPngs).toBe(0)
    // Each PNG is a PNG, and each chart its own.
    expect(all[0]!.subarray(1, 4).toString('latin1')).toBe('PNG')
    expect(new Set(all.map((b) => b.toString('base64'))).size).toBe(4)
  })

  it('are the same bytes when the helper draws every one of them', async () => {
    const pngs = new ChartPngs(helper())
    for (const s of SVGS) pngs.offer(s, 60)
    await until(() => pngs.helperPngs === SVGS.length)
    const all = await pngs.all()
    all.forEach((b, i) => expect(b.equals(drawnHere[i]!), `chart ${i}`).toBe(true))
  }, 30_000)

  it('are the same bytes whichever thread claims each, and every chart is drawn once', async () => {
    const pngs = new ChartPngs(helper())
    for (const s of SVGS) pngs.offer(s, 60)
    const all = await pngs.all()
    all.forEach((b, i) => expect(b.equals(drawnHere[i]!), `chart ${i}`).toBe(true))
    expect(pngs.helperPngs).toBeLessThanOrEqual(SVGS.length)
  }, 30_000)

  it('are drawn here when the helper claimed them and ended without an answer', async () => {
    // A helper that claims every chart it is sent, then ends at the second.
    const failing = new Worker(
      `const { parentPort } = require('node:worker_threads'); let c
       parentPort.on('message', (m) => {
         if (m.claims) { c = new Int32Array(m.claims); return }
         Atomics.store(c, m.index, ${CLAIM.helper})
         if (m.index === 1) process.exit(0)
       })`,
      { eval: true },
    )
    const pngs = new ChartPngs(failing)
    for (const s of SVGS) pngs.offer(s, 60)
    await once(failing, 'exit')
    const all = await pngs.all()
    all.forEach((b, i) => expect(b.equals(drawnHere[i]!), `chart ${i}`).toBe(true))
    expect(pngs.helperPngs).toBe(0)
  }, 30_000)
})

describe('a chart no thread can draw', () => {
  it('fails the PNGs with the drawing’s own error, whichever thread claimed it, and does not hang', async () => {
    const pngs = new ChartPngs(helper())
    pngs.offer(SVGS[0]!, 60)
    pngs.offer('<svg this is not an SVG', 60)
    await until(() => pngs.helperPngs === 1)
    await new Promise((r) => setTimeout(r, 200)) // the helper's answer for the second, an error, comes in
    await expect(pngs.all()).rejects.toThrow(/svg|xml|parse/i)
    const here = new ChartPngs()
    here.offer('<svg this is not an SVG', 60)
    await expect(here.all()).rejects.toThrow(/svg|xml|parse/i)
  }, 30_000)
})

describe('the PNG helper thread', () => {
  it('leaves a chart the drawing thread claimed first, and draws the next', async () => {
    const w = helper()
    try {
      const claims = new Int32Array(new SharedArrayBuffer(4 * 8))
      Atomics.store(claims, 0, CLAIM.here)
      const replies: PngReply[] = []
      w.on('message', (m: PngReply) => replies.push(m))
      w.postMessage({ claims: claims.buffer })
      w.postMessage({ index: 0, svg: SVGS[0], width: 60 })
      w.postMessage({ index: 1, svg: SVGS[1], width: 60 })
      await until(() => replies.length > 0)
      // Answers come in order: had it drawn chart 0, that answer would be first.
      expect(replies[0]!.index).toBe(1)
      expect('png' in replies[0]! && Buffer.from(replies[0].png).equals(drawnHere[1]!)).toBe(true)
      expect(Atomics.load(claims, 1)).toBe(CLAIM.helper)
      expect(Atomics.load(claims, 0)).toBe(CLAIM.here)
    } finally {
      await w.terminate()
    }
  }, 30_000)
})
