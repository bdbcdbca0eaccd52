/**
 * One benchmark size, in its own process so peak RSS belongs to this size alone:
 * the floor (DuckDB's count(*) over read_csv of the same file, same threads) then a full `relief run`.
 * Prints one JSON line on stdout.
 */
import { readFileSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { spawnSync } from 'node:child_process'
import { HUGE_PAGES_ENV, LAUNCHER_PID_ENV, launcherPid } from '../../bin/huge-pages.js'
import { ROOT } from '../../bin/kept-bundle.js'
import { PLAIN_FLOOR, threeFloors, type FloorRead } from './floor-reads.ts'
import { runPipeline } from '../run/run-pipeline.ts'
import { sizedForInput } from '../run/resource-options.ts'
import { keepFreedMemory } from '../lib/duckdb.ts'
import { READ_BUFFER } from '../ingest/raw-source.ts'

const [file, out, threadsArg] = process.argv.slice(2) as [string, string, string]
const threads = Number(threadsArg)

/**
 * The floor's three reads in a process of their own, without the run's huge-page preload (floor-scan.ts): DuckDB as
 * anyone runs it, which is what an acceptance run compares `relief run` with.
 */
function stockFloors(options = ''): FloorRead[] {
  const r = spawnSync(
    process.execPath,
    [join(ROOT, 'bin/launch.js'), 'pipelines/bench/floor-scan.ts', file, String(threads), options],
    {
      encoding: 'utf8',
      env: { ...process.env, [HUGE_PAGES_ENV]: '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  if (r.status !== 0) throw new Error(`floor-scan.ts exited ${r.status ?? r.signal}`)
  return JSON.parse(r.stdout) as FloorRead[]
}

const floors = stockFloors()
const floor = floors[1]!
// The same scan with the run's own read buffer (READ_BUFFER), which reads faster than DuckDB's default here: the
// ratios against it are reported too, so the tuned reader does not flatter the run.
const tunedFloors = stockFloors(`, ${READ_BUFFER}`)
const tunedFloor = tunedFloors[1]!
// And the plain form, read_csv of the file alone (floor-reads.ts): what a floor timed by hand most likely is. Reported
// beside, not used as the floor: it reads slower than the contract's form.
const plainFloors = stockFloors(PLAIN_FLOOR)
const plainFloor = plainFloors[1]!
// And the same scan within this process, which has the run's huge pages where they were started (bin/huge-pages.js):
// the ratios against it are reported too, so the preload does not flatter the run either.
const hugePages = launcherPid() !== undefined
// The run's own choice of what DuckDB's allocator keeps (run-pipeline.ts), made before this process first loads
// DuckDB for the in-process floor, as the run makes it before it first loads it.
const userAllocatorConf = process.env.DUCKDB_JE_MALLOC_CONF
const largeInput = sizedForInput([{ bytes: statSync(file).size }], undefined).largeInput
if (!largeInput) keepFreedMemory(threads)
const hugeFloors = hugePages ? await threeFloors(file, threads) : undefined
const hugeFloor = hugeFloors?.[1]
rmSync(out, { recursive: true, force: true })
// BENCH_SQL_ONLY=1 times ingest, models, determinations and marts without the file exports (for sizes where the
// exports alone would take most of an hour; they scale linearly, see docs/scale.md).
const determinationsOnly = process.env.BENCH_SQL_ONLY === '1'
const t = performance.now()
const cpu = process.cpuUsage()
const run = await runPipeline({
  inputs: [file],
  out,
  asOf: '2026-01-01',
  threads,
  quiet: true,
  // The run's own default unless BENCH_MEMORY names one: the bench measures what a user gets.
  memoryLimit: process.env.BENCH_MEMORY,
  determinationsOnly,
})
const runSeconds = (performance.now() - t) / 1000
const runCpu = process.cpuUsage(cpu)
// "Decisions": from the first byte read to count_determinations.csv/.parquet written (the marts and the other
// outputs are not needed for them).
const DECISION_PHASES = ['ingest', 'reconcile', 'models', 'determinations', 'write determinations']
/** A figure of a run's timings (run-log.json's, or this run's) summed over the decision phases. */
const overDecisions = <T extends { phase: string }>(timings: readonly T[], figure: (p: T) => number) =>
  timings.filter((p) => DECISION_PHASES.includes(p.phase)).reduce((sum, p) => sum + figure(p), 0)
const decisionsSeconds = overDecisions(run.timings, (p) => p.seconds)
// CPU seconds beside the wall seconds: on a shared machine they move less from hour to hour. The decision phases
// run one after another, so their CPU adds up (the run's other work starts after them, bar a court index's models).
const phaseCpu = Object.fromEntries(run.timings.map((p) => [p.phase, p.cpu_seconds]))
const decisionsCpu = overDecisions(run.timings, (p) => p.cpu_seconds)
const round2 = (x: number) => Number(x.toFixed(2))
/**
 * The same run again as a user starts it, `relief run` from the command line, timed from outside: what an
 * acceptance run times. It adds the program's own start (its modules, the second start for huge pages) and
 * starts on memory the machine has not just handed this process, where the run above follows the floor's scans in
 * the same process. Its decisions are read from its own run-log.json, by the same phases as above. Run
 * BENCH_CLI_RUNS times (3 unless set; once for a statewide-size input, whose run takes minutes), and the median
 * taken, as the floor's is; skipped for BENCH_SQL_ONLY, and with BENCH_CLI=0.
 */
interface CommandLineRun {
  seconds: number
  decisions: number
  /** The floor read again just before this run (median of three, as above). */
  floor: number
}
function commandLineRun(): CommandLineRun {
  // The host's speed drifts over the minutes one size takes (docs/scale.md, "Session 34"): each run is compared with
  // a floor read just before it too, as well as with the size's floor read first.
  const floorBefore = stockFloors()[1]!.seconds
  const cliOut = `${out}-cli`
  rmSync(cliOut, { recursive: true, force: true })
  const args = ['bin/relief.js', 'run', '--input', file, '--out', cliOut, '--as-of', '2026-01-01']
  args.push('--threads', String(threads))
  if (process.env.BENCH_MEMORY) args.push('--memory-limit', process.env.BENCH_MEMORY)
  // Its own launcher: the variables this process's launcher set to mark it started again are not the user's (the
  // user's own LD_PRELOAD and RELIEF_HUGE_PAGES=0 are kept; huge-pages.js has given the former back already).
  const env = { ...process.env }
  if (hugePages) for (const k of [HUGE_PAGES_ENV, LAUNCHER_PID_ENV]) delete env[k]
  // What the user gave DuckDB's allocator, not what this process's own run set (the run decides it again).
  if (userAllocatorConf === undefined) delete env.DUCKDB_JE_MALLOC_CONF
  else env.DUCKDB_JE_MALLOC_CONF = userAllocatorConf
  const t0 = performance.now()
  const r = spawnSync(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] })
  const seconds = (performance.now() - t0) / 1000
  if (r.status !== 0) throw new Error(`relief run exited ${r.status ?? r.signal}`)
  const log = JSON.parse(readFileSync(join(cliOut, 'run-log.json'), 'utf8')) as {
    timings: { phase: string; seconds: number }[]
  }
  rmSync(cliOut, { recursive: true, force: true })
  return { seconds, decisions: overDecisions(log.timings, (p) => p.seconds), floor: floorBefore }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const cliRunCount = Math.max(1, Number(process.env.BENCH_CLI_RUNS ?? (largeInput ? 1 : 3)) || 1)
const cliRuns =
  determinationsOnly || process.env.BENCH_CLI === '0'
    ? []
    : Array.from({ length: cliRunCount }, () => commandLineRun())
const cliSeconds = cliRuns.length ? median(cliRuns.map((c) => c.seconds)) : null
const cliDecisions = cliRuns.length ? median(cliRuns.map((c) => c.decisions)) : null
/** The median over the command-line runs of a figure of each against the floor read just before it. */
const pairedRatio = (figure: (c: CommandLineRun) => number) =>
  cliRuns.length ? median(cliRuns.map((c) => figure(c) / c.floor)) : null
// The native reader is a process of its own: its peak counts on top of what the run held while it read.
const reader = run.nativeReader
const peakRssMb = Math.max(
  process.resourceUsage().maxRSS / 1024,
  reader ? reader.run_rss_mb_while_reading + reader.max_rss_mb : 0,
)
process.stdout.write(
  JSON.stringify({
    rows: floor.rows,
    floor_seconds: floor.seconds,
    run_seconds: runSeconds,
    ratio: runSeconds / floor.seconds,
    floor_seconds_all: floors.map((f) => Number(f.seconds.toFixed(3))),
    decisions_seconds: round2(decisionsSeconds),
    decisions_ratio: decisionsSeconds / floor.seconds,
    floor_run_reader_seconds: tunedFloor.seconds,
    floor_run_reader_seconds_all: tunedFloors.map((f) => Number(f.seconds.toFixed(3))),
    ratio_run_reader: runSeconds / tunedFloor.seconds,
    decisions_ratio_run_reader: decisionsSeconds / tunedFloor.seconds,
    floor_plain_seconds: plainFloor.seconds,
    floor_plain_seconds_all: plainFloors.map((f) => Number(f.seconds.toFixed(3))),
    ratio_plain_floor: runSeconds / plainFloor.seconds,
    decisions_ratio_plain_floor: decisionsSeconds / plainFloor.seconds,
    // null where the run had no huge pages (then the floor above is the same process's).
    floor_huge_pages_seconds: hugeFloor?.seconds ?? null,
    floor_huge_pages_seconds_all: hugeFloors?.map((f) => Number(f.seconds.toFixed(3))) ?? null,
    ratio_huge_pages_floor: hugeFloor ? runSeconds / hugeFloor.seconds : null,
    decisions_ratio_huge_pages_floor: hugeFloor ? decisionsSeconds / hugeFloor.seconds : null,
    huge_pages: hugePages,
    cli_seconds: cliSeconds === null ? null : round2(cliSeconds),
    cli_ratio: cliSeconds === null ? null : cliSeconds / floor.seconds,
    cli_seconds_all: cliRuns.map((c) => round2(c.seconds)),
    cli_decisions_seconds: cliDecisions === null ? null : round2(cliDecisions),
    cli_decisions_ratio: cliDecisions === null ? null : cliDecisions / floor.seconds,
    cli_decisions_seconds_all: cliRuns.map((c) => round2(c.decisions)),
    cli_ratio_plain_floor: cliSeconds === null ? null : cliSeconds / plainFloor.seconds,
    cli_decisions_ratio_plain_floor: cliDecisions === null ? null : cliDecisions / plainFloor.seconds,
    // Each command-line run against the floor read just before it: the median of those ratios.
    cli_floor_before_seconds_all: cliRuns.map((c) => Number(c.floor.toFixed(3))),
    cli_paired_ratio: pairedRatio((c) => c.seconds),
    cli_paired_decisions_ratio: pairedRatio((c) => c.decisions),
    peak_rss_mb: Math.round(peakRssMb),
    floor_cpu_seconds: round2(floor.cpu),
    run_cpu_seconds: round2((runCpu.user + runCpu.system) / 1e6 + (reader?.cpu_seconds ?? 0)),
    decisions_cpu_seconds: round2(decisionsCpu),
    phase_cpu_seconds: phaseCpu,
    phases: Object.fromEntries(run.timings.map((p) => [p.phase, round2(p.seconds)])),
    // Where the build phases' seconds went, model by model.
    model_seconds: Object.fromEntries(run.models.map((m) => [m.model, round2(m.seconds)])),
    in_scope_counts: run.manifest.counts.in_scope_counts,
    exports_skipped: determinationsOnly,
    db_file: join(out, 'relief.duckdb'),
  }) + '\n',
)
