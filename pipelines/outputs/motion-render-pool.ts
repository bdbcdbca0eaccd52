/**
 * Renders and writes court motions on worker threads, so a statewide run draws its ~100 courts' CSVs and
 * PDFs in parallel. Each job goes to the next idle worker; results come back in any order and each promise
 * resolves with its own court's index figures. The files are identical to a main-thread render (the
 * renderers are pure). With one thread, or little to draw, it renders on the main thread: starting workers
 * costs more than a few small courts.
 *
 * A worker runs one ES module: motion-render-worker.ts and the renderers it imports, bundled once per process
 * (pipelines/lib/worker-module.ts). Loading the .ts files through tsx instead gave each worker its own loader
 * thread and a round trip to it for every module: `relief export motions` at 2M took about 0.5 CPU-s more
 * (11.8–12.7 against 11.8–12.0, three alternating pairs).
 */
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import {
  runMotionJob,
  type AssembleJob,
  type CourtJob,
  type CourtResult,
  type MotionJob,
} from './motion-court.ts'
import { workerModule } from '../lib/worker-module.ts'

const WORKER_FILE = fileURLToPath(new URL('./motion-render-worker.ts', import.meta.url))

/** The worker's code as one module (worker-module.ts): it imports only Node's own modules, so it stands alone. */
export const motionWorkerModule = (): URL => workerModule(WORKER_FILE, 'standalone')!

/** Below this many case rows in the whole run, threads cost more than they save. */
export const PARALLEL_MIN_CASES = 20_000

interface Job {
  id: number
  job: MotionJob
  resolve(r: CourtResult | null): void
  reject(e: Error): void
}

type Reply = { id: number; result: CourtResult | null } | { id: number; error: string }

export class MotionRenderPool {
  private readonly idle: Worker[] = []
  private readonly all: Worker[] = []
  private readonly queue: Job[] = []
  private readonly running = new Map<Worker, Job>()
  private nextId = 0

  /** threads <= 1 renders on the calling thread. */
  constructor(readonly threads: number) {
    for (let i = 0; i < (threads > 1 ? threads : 0); i++) {
      const w = new Worker(motionWorkerModule())
      w.on('message', (m: Reply) => this.done(w, m))
      w.on('error', (e) => this.fail(w, e))
      // An idle worker never keeps the process alive (a failed step may not reach close()); a busy one does.
      w.unref()
      this.all.push(w)
      this.idle.push(w)
    }
  }

  /** Jobs start in the order given: give the largest courts first, so no big one is left for last. */
  render(court: CourtJob): Promise<CourtResult> {
    return this.run({ kind: 'court', court }) as Promise<CourtResult>
  }

  /** A PDF from the native drawer's pages (motion-court.ts, assembleCourtPdf). */
  assemble(assemble: AssembleJob): Promise<void> {
    return this.run({ kind: 'assemble', assemble }).then(() => undefined)
  }

  private run(job: MotionJob): Promise<CourtResult | null> {
    if (!this.all.length) return Promise.resolve().then(() => runMotionJob(job))
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, job, resolve, reject })
      this.dispatch()
    })
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((w) => w.terminate()))
    for (const job of this.queue.splice(0)) job.reject(new Error('motion render pool closed'))
  }

  private dispatch(): void {
    while (this.idle.length && this.queue.length) {
      const w = this.idle.pop()!
      const job = this.queue.shift()!
      this.running.set(w, job)
      w.ref()
      w.postMessage({ id: job.id, job: job.job })
    }
  }

  private done(w: Worker, m: Reply): void {
    const job = this.running.get(w)
    this.running.delete(w)
    w.unref()
    this.idle.push(w)
    if (job && job.id === m.id) {
      if ('error' in m) job.reject(new Error(`motion render failed (${jobName(job.job)}): ${m.error}`))
      else job.resolve(m.result)
    }
    this.dispatch()
  }

  private fail(w: Worker, e: Error): void {
    // A worker that died takes its job with it; the others carry on with the queue. With none left (say, workers
    // that cannot start in this environment), the rest renders on the main thread.
    this.running.get(w)?.reject(e)
    this.running.delete(w)
    this.all.splice(this.all.indexOf(w), 1)
    if (this.idle.includes(w)) this.idle.splice(this.idle.indexOf(w), 1)
    if (!this.all.length)
      for (const job of this.queue.splice(0)) {
        try {
          job.resolve(runMotionJob(job.job))
        } catch (err) {
          job.reject(err instanceof Error ? err : new Error(String(err)))
        }
      }
  }
}

/** A job's court, for an error. */
const jobName = (job: MotionJob) => (job.kind === 'court' ? job.court.court : job.assemble.base)

/** One thread per core (at most 8), or the main thread alone when the run has little to draw. */
export function motionRenderPool(
  totalCases: number,
  threads = Math.min(availableParallelism(), 8),
): MotionRenderPool {
  return new MotionRenderPool(totalCases >= PARALLEL_MIN_CASES ? threads : 1)
}
