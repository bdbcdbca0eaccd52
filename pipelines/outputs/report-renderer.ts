/**
 * Draws the report on a worker thread. Its drawing (Observable Plot into linkedom, resvg's PNGs) is seconds of
 * JavaScript with no await in it: on the main thread it held up the other output steps, whose next query or next
 * court waits for the main thread (at 2M lines three DuckDB statements of other steps finished only when the
 * report's drawing did). It starts when the report step does, and loads its modules while the marts are
 * published. Started before the run read its inputs instead, it slowed the reading more than it saved (at 1M
 * lines 11.9–12.9 s a run, against 11.1–13.0 started with the step).
 *
 * Where no worker module can be kept (a read-only install), or the worker cannot start, the report is drawn on the
 * calling thread: the same files.
 */
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { workerModule } from '../lib/worker-module.ts'
import type { RenderedReport, ReportJob } from './render-report-files.ts'
import type { ReportWorkerData } from './report-render-worker.ts'

const WORKER_FILE = fileURLToPath(new URL('./report-render-worker.ts', import.meta.url))
const PNG_WORKER_FILE = fileURLToPath(new URL('./chart-png-worker.ts', import.meta.url))

type Reply = { result: RenderedReport } | { error: string }

/** The worker's bundle, built now if it is not kept (the install step builds it, so that no run pays for it). */
export const reportWorkerModule = (): URL | undefined => workerModule(WORKER_FILE, 'packages')

/** The bundle of the report worker's PNG helper (chart-pngs.ts), likewise. */
export const chartPngWorkerModule = (): URL | undefined => workerModule(PNG_WORKER_FILE, 'packages')

function startWorker(): Worker | undefined {
  const url = reportWorkerModule()
  if (!url) return undefined
  const workerData: ReportWorkerData = { pngHelper: chartPngWorkerModule()?.href }
  const w = new Worker(url, { workerData })
  // Idle, it never keeps the process alive (a step that fails before it draws); drawing, it does.
  w.unref()
  // A failure is answered below (the report is drawn here instead), not a crash.
  w.on('error', () => {})
  return w
}

/** Where the report was drawn. */
export type DrawnOn = 'worker' | 'this thread'

const RENDER_FILE = fileURLToPath(new URL('./render-report-files.ts', import.meta.url))

/**
 * The drawing's own module (render-report-files.ts and the drawing packages: Plot, linkedom, d3; a quarter of the
 * CLI's code), as a bundle of its own where one can be kept (worker-module.ts), else the .ts file (a read-only
 * install runs the CLI through tsx, which loads it). Bundled into the CLI, it was read and compiled by every start
 * of the program, which draws on this thread only where no worker could.
 */
async function drawingModule(): Promise<typeof import('./render-report-files.ts')> {
  const url = workerModule(RENDER_FILE, 'packages') ?? pathToFileURL(RENDER_FILE)
  return (await import(url.href)) as typeof import('./render-report-files.ts')
}

const onThisThread = async (job: ReportJob): Promise<RenderedReport & { drawnOn: DrawnOn }> => ({
  ...(await (await drawingModule()).renderReportFiles(job)),
  drawnOn: 'this thread',
})

/** A report drawer: its worker thread starts loading the drawing modules as soon as it is made. */
export interface ReportDrawer {
  draw(job: ReportJob): Promise<RenderedReport & { drawnOn: DrawnOn }>
  /** Stops the worker (once drawn, or when nothing will be). */
  close(): void
}

/**
 * Draws and writes the report (see render-report-files.ts) on a worker thread of its own, started now (so its
 * modules load while the marts are published), or with `here` on the calling thread (the tests hold the two to
 * the same bytes).
 */
export function reportDrawer({ here = false }: { here?: boolean } = {}): ReportDrawer {
  const w = here ? undefined : startWorker()
  return {
    async draw(job) {
      if (!w) return onThisThread(job)
      w.ref()
      try {
        const reply = await new Promise<Reply | undefined>((resolve) => {
          w.once('message', resolve)
          // A worker that could not start (or died) answers nothing: the report is drawn here.
          w.once('error', () => resolve(undefined))
          w.once('exit', () => resolve(undefined))
          w.postMessage(job)
        })
        if (!reply) return onThisThread(job)
        if ('error' in reply) throw new Error(`report drawing failed: ${reply.error}`)
        return { ...reply.result, drawnOn: 'worker' }
      } finally {
        this.close()
      }
    },
    close() {
      void w?.terminate()
    },
  }
}
