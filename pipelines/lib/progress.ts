/**
 * Progress on stderr. On a TTY a live bar (cli-progress) with elapsed time; elsewhere (CI, pipes)
 * exactly one line per finished phase, so logs stay readable.
 */
import cliProgress from 'cli-progress'

export interface PhaseTiming {
  phase: string
  seconds: number
  /**
   * The process's CPU seconds (every thread: DuckDB's, the workers', JavaScript's) while the phase ran: steadier
   * than wall seconds on a shared machine. Phases that run together each count all of it.
   */
  cpu_seconds: number
  /** When the phase started, in seconds since the run's progress began: phases that overlap show as such. */
  started_seconds: number
  detail?: string
}

/** A moment of the run, for a phase whose work began before its phase is called (Progress.phase's `since`). */
export interface PhaseStart {
  time: number
  cpu: NodeJS.CpuUsage
  childCpu: number
}

export class Progress {
  readonly timings: PhaseTiming[] = []
  /** CPU seconds of child processes (the native reader), which process.cpuUsage() does not see. */
  private childCpu = 0
  private readonly began = performance.now()
  constructor(private readonly quiet = false) {}

  /** Counts a finished child process's CPU seconds in every phase running now. */
  addChildCpu(seconds: number): void {
    this.childCpu += seconds
  }

  /** Now, as a phase's start: a phase given it as `since` is timed from here. */
  mark(): PhaseStart {
    return { time: performance.now(), cpu: process.cpuUsage(), childCpu: this.childCpu }
  }

  /**
   * Run one phase, timing it; `detail` may summarise the result (e.g. rows written). Phases that run at the same
   * time pass `together`: they draw no live bar (one bar per line of the terminal), only their finished lines. A
   * phase whose work was started earlier passes `since` (a mark() taken then), and is timed from there.
   */
  async phase<T>(
    name: string,
    fn: () => Promise<T>,
    detail?: (r: T) => string,
    opts: { together?: boolean; since?: PhaseStart } = {},
  ): Promise<T> {
    const tty = process.stderr.isTTY && !this.quiet && !opts.together
    const { time: start, cpu, childCpu } = opts.since ?? this.mark()
    let bar: cliProgress.SingleBar | undefined
    let timer: NodeJS.Timeout | undefined
    if (tty) {
      bar = new cliProgress.SingleBar(
        {
          format: `  {phase} [{bar}] {duration}s`,
          stream: process.stderr,
          hideCursor: true,
          clearOnComplete: true,
        },
        cliProgress.Presets.shades_classic,
      )
      bar.start(100, 0, { phase: name.padEnd(28) })
      // DuckDB does not report row progress to node-api; the bar pulses so a long phase visibly lives.
      timer = setInterval(() => bar!.increment(0), 250)
    }
    try {
      const result = await fn()
      const seconds = (performance.now() - start) / 1000
      const used = process.cpuUsage(cpu)
      const d = detail?.(result)
      this.timings.push({
        phase: name,
        seconds,
        started_seconds: Math.round(start - this.began) / 1000,
        cpu_seconds: Math.round((used.user + used.system) / 1e4 + (this.childCpu - childCpu) * 100) / 100,
        ...(d ? { detail: d } : {}),
      })
      if (bar) {
        bar.update(100)
        bar.stop()
      }
      if (!this.quiet)
        process.stderr.write(`  ${name.padEnd(28)} ${seconds.toFixed(2).padStart(7)} s${d ? `  ${d}` : ''}\n`)
      return result
    } finally {
      if (timer) clearInterval(timer)
      if (bar?.isActive) bar.stop()
    }
  }
}
