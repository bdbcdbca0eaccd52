/**
 * `npm run bench`: how `relief run` scales, as ratios against a floor measured in the same run.
 * Generates (and caches in bench/cache/, outside git) extracts of about 1M, 5M and 20M rows with the project's
 * generator, then for each size measures the raw read_csv floor and every phase of a run in a child process.
 * Writes a table to stdout and bench/results.json. BENCH_SIZES=1000000,5000000 picks sizes; BENCH_THREADS threads;
 * BENCH_SQL_ONLY=1 skips the file exports (motions, DOJ files, summary, report); BENCH_RESULTS names the output (a
 * file name under bench/, or an absolute path).
 * Each size also times `relief run` from the command line, as a user starts it (measure-size.ts): BENCH_CLI_RUNS
 * times (3 unless set, once for a statewide-size input; the median is reported, as the floor's is), or not at all
 * with BENCH_CLI=0.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, statfsSync, statSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateExtract, ROWS_PER_SUBJECT_ESTIMATE } from '../generate/generate-extract.ts'
import { gitCommit, VERSION } from '../lib/version.ts'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const CACHE = join(ROOT, 'bench', 'cache')
const SIZES = (process.env.BENCH_SIZES ?? '1000000,5000000,20000000').split(',').map(Number)
const THREADS = Number(process.env.BENCH_THREADS ?? 2)
const BYTES_PER_ROW = 520 // measured on generated files; used only to check disk room before generating
const SEED = 7
/** Checked before anything is measured: a 20M bench takes many minutes, and a results path it cannot write loses them. */
const RESULTS = resolve(ROOT, 'bench', process.env.BENCH_RESULTS ?? 'results.json')
if (!existsSync(dirname(RESULTS))) {
  process.stderr.write(
    `BENCH_RESULTS: no folder ${dirname(RESULTS)} (give a file name under bench/, or an absolute path)\n`,
  )
  process.exit(2)
}

interface SizeResult {
  target_rows: number
  skipped?: string
  generate_seconds?: number
  generate_rows_per_second?: number
  [k: string]: unknown
}

function freeBytes(dir: string): number {
  const s = statfsSync(dir)
  return Number(s.bavail) * Number(s.bsize)
}

mkdirSync(CACHE, { recursive: true })
const results: SizeResult[] = []
for (const target of SIZES) {
  const file = join(CACHE, `doj-${target}.csv`)
  const r: SizeResult = { target_rows: target }
  // CSV + DuckDB file + spill headroom: about 3× the CSV.
  const need = target * BYTES_PER_ROW * (existsSync(file) ? 2 : 3)
  if (freeBytes(CACHE) < need) {
    r.skipped = `needs about ${(need / 1e9).toFixed(1)} GB free, ${(freeBytes(CACHE) / 1e9).toFixed(1)} GB available`
    process.stderr.write(`skip ${target} rows: ${r.skipped}\n`)
    results.push(r)
    continue
  }
  if (!existsSync(file)) {
    process.stderr.write(`generating ~${target} rows …\n`)
    const g = await generateExtract({
      subjects: Math.round(target / ROWS_PER_SUBJECT_ESTIMATE),
      seed: SEED,
      out: file,
      threads: THREADS,
    })
    r.generate_seconds = Number(g.seconds.toFixed(2))
    r.generate_rows_per_second = Math.round(g.rows / g.seconds)
  }
  process.stderr.write(`measuring ${file} (${(statSync(file).size / 1e9).toFixed(2)} GB) …\n`)
  // Started as `relief` is (bin/launch.js), so the run loads its modules as a user's does.
  const child = spawnSync(
    process.execPath,
    [
      join(ROOT, 'bin/launch.js'),
      'pipelines/bench/measure-size.ts',
      file,
      join(CACHE, `run-${target}`),
      String(THREADS),
    ],
    { encoding: 'utf8', maxBuffer: 1 << 24 },
  )
  if (child.status !== 0) {
    r.skipped = `run failed: ${child.stderr.trim().split('\n').slice(-3).join(' | ')}`
    process.stderr.write(`${r.skipped}\n`)
  } else Object.assign(r, JSON.parse(child.stdout.trim().split('\n').at(-1)!))
  results.push(r)
}

const duckdbVersion = execFileSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '-e',
    "import('@duckdb/node-api').then(async m=>{const i=await m.DuckDBInstance.create(':memory:');const c=await i.connect();const r=await c.runAndReadAll('select version()');console.log(r.getRows()[0][0])})",
  ],
  { cwd: ROOT, encoding: 'utf8' },
).trim()

const report = {
  machine: { cpus: cpus().length, cpu_model: cpus()[0]?.model, memory_gb: Math.round(totalmem() / 2 ** 30) },
  versions: { record_relief: VERSION, node: process.version, duckdb: duckdbVersion },
  commit: gitCommit(),
  threads: THREADS,
  results,
}
// Written as the lint check's formatter would write it, so a bench's results can be committed as they are.
const prettier = await import('prettier')
writeFileSync(
  RESULTS,
  await prettier.format(JSON.stringify(report), {
    ...(await prettier.resolveConfig(RESULTS)),
    filepath: RESULTS,
  }),
)

const phases = [...new Set(results.flatMap((r) => Object.keys((r.phases as Record<string, number>) ?? {})))]
const head = [
  'rows',
  'floor s',
  'decisions/floor',
  'run s',
  'run/floor',
  'floor s, run reader',
  'decisions/floor, run reader',
  'run/floor, run reader',
  'floor s, huge pages',
  'decisions/floor, huge pages',
  'run/floor, huge pages',
  'relief run s (command line)',
  'relief run/floor',
  'decisions s (command line)',
  'decisions/floor (command line)',
  'relief run/floor just before',
  'decisions/floor just before (command line)',
  'floor s, plain read_csv',
  'relief run/plain floor',
  'decisions/plain floor (command line)',
  'peak RSS MB',
  'floor CPU-s',
  'decisions CPU-s',
  'run CPU-s',
  'gen rows/s',
  ...phases,
]
const lines = results.map((r) =>
  r.skipped
    ? [String(r.target_rows), `skipped: ${r.skipped}`]
    : [
        String(r.rows),
        (r.floor_seconds as number).toFixed(2),
        (r.decisions_ratio as number).toFixed(2),
        (r.run_seconds as number).toFixed(2),
        (r.ratio as number).toFixed(2),
        (r.floor_run_reader_seconds as number).toFixed(2),
        (r.decisions_ratio_run_reader as number).toFixed(2),
        (r.ratio_run_reader as number).toFixed(2),
        ...(
          [
            'floor_huge_pages_seconds',
            'decisions_ratio_huge_pages_floor',
            'ratio_huge_pages_floor',
            'cli_seconds',
            'cli_ratio',
            'cli_decisions_seconds',
            'cli_decisions_ratio',
            'cli_paired_ratio',
            'cli_paired_decisions_ratio',
            'floor_plain_seconds',
            'cli_ratio_plain_floor',
            'cli_decisions_ratio_plain_floor',
          ] as const
        ).map((k) => (typeof r[k] === 'number' ? (r[k] as number).toFixed(2) : '—')),
        String(r.peak_rss_mb),
        String(r.floor_cpu_seconds ?? ''),
        String(r.decisions_cpu_seconds ?? ''),
        String(r.run_cpu_seconds ?? ''),
        r.generate_rows_per_second ? String(r.generate_rows_per_second) : '(cached)',
        ...phases.map((p) => String((r.phases as Record<string, number>)[p] ?? '')),
      ],
)
process.stdout.write(
  [head, ...lines].map((l) => '| ' + l.join(' | ') + ' |').join('\n') + `\n\nwritten to ${RESULTS}\n`,
)
