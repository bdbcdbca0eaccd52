/**
 * The report's chart PNGs on two threads: the thread that draws the charts, and a helper worker thread.
 *
 * Why: a PNG (resvg's drawing and its compression) is most of a chart's time, about a second for the report's 14
 * charts, and the report is the last output of a run of ordinary size: its drawing ran on one core while the other
 * stood idle. Each chart's SVG is offered to the helper as soon as it is drawn; once every SVG is drawn, the drawing
 * thread draws the PNGs the helper has not started, last first, and waits for the others. A chart is claimed once,
 * by one thread (Atomics on a shared array), so the two never draw the same one. The PNG is the same bytes on
 * either thread (reports/report/chart-png.ts).
 *
 * Without a helper (none could start, or it failed), the drawing thread draws every PNG.
 */
import { Worker } from 'node:worker_threads'
import { chartPng } from '../../reports/report/chart-png.ts'

/** A chart's claim: nobody's yet, the helper's, or the drawing thread's. */
export const CLAIM = { free: 0, helper: 1, here: 2 } as const

/** The most charts one report offers (the claims' array). */
export const MAX_CHARTS = 4096

/** What the drawing thread sends the helper: first the claims, then each chart's SVG. */
export type PngRequest = { claims: SharedArrayBuffer } | { index: number; svg: string; width: number }
/** What the helper answers for a chart it claimed. */
export type PngReply = { index: number; png: Uint8Array } | { index: number; error: string }

interface Offered {
  svg: string
  width: number
}

interface Pending {
  resolve(png: Buffer): void
  reject(e: Error): void
}

/** Starts the helper worker from its module URL (in the report's worker thread, which cannot bundle one). */
export function startPngHelper(moduleHref: string | undefined): Worker | undefined {
  if (!moduleHref) return undefined
  try {
    const w = new Worker(new URL(moduleHref))
    // Idle, it keeps nothing alive; a failure is answered by drawing here (ChartPngs), not a crash.
    w.unref()
    w.on('error', () => {})
    return w
  } catch {
    return undefined
  }
}

/** One report's PNGs: offer each chart as it is drawn, then take them all. */
export class ChartPngs {
  private readonly claims = new Int32Array(new SharedArrayBuffer(4 * MAX_CHARTS))
  private readonly offered: Offered[] = []
  private readonly pending = new Map<number, Pending>()
  /** The helper's answers not yet awaited: a PNG, or null where it failed to draw one. */
  private readonly replied = new Map<number, Buffer | null>()
  private helperFailed: Error | undefined
  /** How many PNGs the helper drew. */
  helperPngs = 0

  constructor(private readonly helper?: Worker) {
    if (!helper) return
    helper.on('message', (m: PngReply) => this.reply(m))
    const fail = (e: Error) => {
      this.helperFailed = e
      for (const p of this.pending.values()) p.reject(e)
      this.pending.clear()
    }
    helper.on('error', fail)
    helper.on('exit', () => fail(new Error('the PNG helper thread ended')))
    helper.postMessage({ claims: this.claims.buffer } satisfies PngRequest)
  }

  /** A chart drawn, in order: the helper draws its PNG unless this thread claims it first. */
  offer(svg: string, width: number): void {
    const index = this.offered.length
    if (index >= MAX_CHARTS) throw new Error(`report: more than ${MAX_CHARTS} charts`)
    this.offered.push({ svg, width })
    if (this.helper && !this.helperFailed) this.helper.postMessage({ index, svg, width } satisfies PngRequest)
  }

  /** Every offered chart's PNG, in order of offer. Stops the helper. */
  async all(): Promise<Buffer[]> {
    const pngs: (Buffer | Promise<Buffer>)[] = []
    // Its answers are awaited now: they keep this thread alive.
    this.helper?.ref()
    // Last first: the helper works from the first.
    for (let i = this.offered.length - 1; i >= 0; i--) {
      const claimed = Atomics.compareExchange(this.claims, i, CLAIM.free, CLAIM.here)
      pngs[i] = claimed === CLAIM.free ? this.drawHere(i) : this.fromHelper(i)
    }
    try {
      return await Promise.all(pngs)
    } finally {
      void this.helper?.terminate()
    }
  }

  private drawHere(i: number): Buffer {
    const { svg, width } = this.offered[i]!
    return chartPng(svg, width)
  }

  /** The helper's PNG of chart i, or this thread's should the helper fail. */
  private fromHelper(i: number): Promise<Buffer> {
    const done = this.replied.get(i)
    if (done) return Promise.resolve(done)
    // Drawn here: the same code, so the same error where the chart itself is at fault.
    if (done === null || this.helperFailed) return Promise.resolve().then(() => this.drawHere(i))
    return new Promise<Buffer>((resolve, reject) => this.pending.set(i, { resolve, reject })).catch(() =>
      this.drawHere(i),
    )
  }

  private reply(m: PngReply): void {
    const waiting = this.pending.get(m.index)
    this.pending.delete(m.index)
    if ('error' in m) {
      if (waiting) waiting.reject(new Error(m.error))
      else this.replied.set(m.index, null)
      return
    }
    this.helperPngs++
    const png = Buffer.from(m.png.buffer, m.png.byteOffset, m.png.byteLength)
    if (waiting) waiting.resolve(png)
    else this.replied.set(m.index, png)
  }
}
