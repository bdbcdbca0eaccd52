/**
 * The scale-out bench (`npm run bench:scale-out`): the path past one machine, tried on one.
 * 1. partition: one scan of the extract into Parquet partitioned by hash(subject) % N, rejects found once;
 * 2. N workers in separate processes, each its own DuckDB over its partition, the run's compiled models;
 * 3. the union of their count_determinations, compared with a single `relief run` of the same input
 *    (same row count, EXCEPT ALL empty both ways) and the reject ledger compared the same way.
 * Writes <dir>/scale-out.json. See docs/scale-out.md.
 */
import { spawn } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openDb, type Db } from '../lib/duckdb.ts'
import { lit } from '../../sql/helpers/quote.ts'
import { copyParquet } from '../run/write-outputs.ts'
import { COUNT_DETERMINATIONS_ORDER } from '../../data-contracts/outputs/count-determinations.contract.ts'
import { outPaths } from '../lib/paths.ts'
import { partitionPaths, type PartitionResult } from './scale-out-partition.ts'
import { workerPaths, type WorkerResult } from './scale-out-worker.ts'

const CHILD = fileURLToPath(new URL('./scale-out-child.ts', import.meta.url))

export interface ScaleOutOptions {
  inputs: string[]
  out: string
  workers: number
  asOf: string
  policy?: string
  /** DuckDB threads of the partitioner and of the single run (default: the machine's cores). */
  threads?: number
  /** DuckDB threads of each worker (default: threads ÷ workers, at least 1). */
  workerThreads?: number
  /** DuckDB memory limit of every process (default: the run's own). */
  memoryLimit?: string
  /** Skip the single run and the comparison (for a size where only the scale-out is wanted). */
  skipSingle?: boolean
}

export interface Comparison {
  union_rows: number
  single_rows: number
  /** Rows of the union not in the single run, and the other way (EXCEPT ALL: duplicates count). */
  union_minus_single: number
  single_minus_union: number
  rejects_union: number
  rejects_single: number
  rejects_differ: number
  /** People with a count sent to review because a line of theirs was rejected (P64-DATA-04). */
  incomplete_people_union: number
  incomplete_people_single: number
  equal: boolean
}

export interface ScaleOutReport {
  input: string[]
  workers: number
  threads: { partition: number; worker: number; single: number }
  as_of: string
  policy: string
  partition: PartitionResult & { wall_seconds: number; peak_rss_mb: number }
  workers_run: (WorkerResult & { wall_seconds: number; peak_rss_mb: number; rows_in: number })[]
  /** Wall time of the workers running concurrently (the slowest). */
  workers_wall_seconds: number
  union_seconds: number
  /** partition + workers + union, as run here. */
  scale_out_seconds: number
  single?: { seconds: number; decisions_seconds: number; wall_seconds: number; peak_rss_mb: number }
  comparison?: Comparison
  rows: number
  equal: boolean | null
}

type ChildOut = Record<string, unknown> & { peak_rss_mb: number; wall_seconds: number }

/** Runs one scale-out step in its own Node process; resolves with its JSON line and wall seconds. */
function child(step: string, opts: object): Promise<ChildOut> {
  const t = performance.now()
  return new Promise((resolveChild, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', CHILD, step, JSON.stringify(opts)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    let err = ''
    p.stdout.on('data', (d) => (out += d))
    p.stderr.on('data', (d) => (err += d))
    p.on('error', reject)
    p.on('close', (code) => {
      if (code !== 0)
        return reject(
          new Error(`scale-out ${step} exited ${code}: ${err.trim().split('\n').slice(-5).join(' | ')}`),
        )
      const line = out.trim().split('\n').at(-1)!
      resolveChild({ ...JSON.parse(line), wall_seconds: (performance.now() - t) / 1000 })
    })
  })
}

const count = async (db: Db, sql: string) => Number(await db.scalar(`select count(*) from (${sql})`))

/**
 * The union against the single run. Every column is compared: nothing legitimately differs (reasons name the
 * input file and its physical line, which the partitioner's ledger keeps as the run does).
 */
export async function compareRuns(union: string, singleOut: string, rejects: string): Promise<Comparison> {
  const db = await openDb(':memory:')
  try {
    const u = `select * from read_parquet(${lit(union)})`
    const s = `select * from read_parquet(${lit(outPaths(singleOut).determinationsParquet)})`
    await db.run(`attach ${lit(outPaths(singleOut).db)} as single_run (read_only)`)
    const rj = `select * from read_parquet(${lit(rejects)})`
    const sj = `select * from single_run.ingest_rejects`
    const incomplete = (rel: string) =>
      count(db, `select distinct subject_id from (${rel}) where statute_rule_id = 'P64-DATA-04'`)
    const c = {
      union_rows: await count(db, u),
      single_rows: await count(db, s),
      union_minus_single: await count(db, `${u} except all ${s}`),
      single_minus_union: await count(db, `${s} except all ${u}`),
      rejects_union: await count(db, rj),
      rejects_single: await count(db, sj),
      rejects_differ:
        (await count(db, `${rj} except all ${sj}`)) + (await count(db, `${sj} except all ${rj}`)),
      incomplete_people_union: await incomplete(u),
      incomplete_people_single: await incomplete(s),
    }
    return {
      ...c,
      equal:
        c.union_rows === c.single_rows &&
        c.union_minus_single === 0 &&
        c.single_minus_union === 0 &&
        c.rejects_differ === 0 &&
        c.rejects_union === c.rejects_single,
    }
  } finally {
    db.close()
  }
}

export async function scaleOut(o: ScaleOutOptions): Promise<ScaleOutReport> {
  if (!Number.isInteger(o.workers) || o.workers < 1) throw new Error(`--workers must be a positive integer`)
  const threads = o.threads ?? cpus().length
  const workerThreads = o.workerThreads ?? Math.max(1, Math.floor(threads / o.workers))
  const policy = o.policy ?? 'statute'
  mkdirSync(o.out, { recursive: true })
  const common = { dir: o.out, workers: o.workers, memoryLimit: o.memoryLimit }

  const partition = (await child('partition', {
    ...common,
    inputs: o.inputs,
    threads,
  })) as unknown as ScaleOutReport['partition']
  const runs = (await Promise.all(
    Array.from({ length: o.workers }, (_, part) =>
      child('worker', { ...common, part, asOf: o.asOf, policy, threads: workerThreads }),
    ),
  )) as unknown as ScaleOutReport['workers_run']
  for (const w of runs) w.rows_in = partition.rows_per_part[w.part]!

  const union = join(o.out, 'count_determinations.parquet')
  const t = performance.now()
  const db = await openDb(':memory:', { threads })
  try {
    const files = runs.map((w) => lit(workerPaths(o.out, w.part).determinations)).join(', ')
    await copyParquet(
      db,
      `select * from read_parquet([${files}]) order by ${COUNT_DETERMINATIONS_ORDER.join(', ')}`,
      union,
    )
  } finally {
    db.close()
  }
  const unionSeconds = (performance.now() - t) / 1000
  const workersWall = Math.max(...runs.map((w) => w.wall_seconds))

  let single: ScaleOutReport['single']
  let comparison: Comparison | undefined
  if (!o.skipSingle) {
    const singleOut = join(o.out, 'single')
    single = (await child('single', {
      inputs: o.inputs,
      out: singleOut,
      asOf: o.asOf,
      policy,
      threads,
      memoryLimit: o.memoryLimit,
    })) as unknown as ScaleOutReport['single']
    comparison = await compareRuns(union, singleOut, partitionPaths(o.out).rejects)
  }
  const report: ScaleOutReport = {
    input: o.inputs,
    workers: o.workers,
    threads: { partition: threads, worker: workerThreads, single: threads },
    as_of: o.asOf,
    policy,
    partition,
    workers_run: runs,
    workers_wall_seconds: workersWall,
    union_seconds: unionSeconds,
    scale_out_seconds: partition.wall_seconds + workersWall + unionSeconds,
    single,
    comparison,
    rows: runs.reduce((a, w) => a + w.rows, 0),
    equal: comparison ? comparison.equal : null,
  }
  writeFileSync(join(o.out, 'scale-out.json'), JSON.stringify(report, null, 2) + '\n')
  return report
}

/** The short table the command prints. */
export function reportTable(r: ScaleOutReport): string {
  const f = (n: number) => n.toFixed(1).padStart(7)
  const mb = (n: number) => `${n}`.padStart(6)
  const lines = [
    `step               seconds  wall s  RSS MB  rows`,
    `partition         ${f(r.partition.seconds)} ${f(r.partition.wall_seconds)} ${mb(r.partition.peak_rss_mb)}  ${r.partition.totals.rows_loaded} loaded, ${r.partition.totals.rows_rejected} rejected`,
    ...r.workers_run.map(
      (w) =>
        `worker ${String(w.part).padEnd(10)} ${f(w.seconds)} ${f(w.wall_seconds)} ${mb(w.peak_rss_mb)}  ${w.rows_in} in, ${w.rows} decided`,
    ),
    `union             ${f(r.union_seconds)} ${f(r.union_seconds)}         ${r.rows}`,
    `scale-out total           ${f(r.scale_out_seconds)}`,
  ]
  if (r.single && r.comparison)
    lines.push(
      `single run        ${f(r.single.seconds)} ${f(r.single.wall_seconds)} ${mb(r.single.peak_rss_mb)}  ${r.comparison.single_rows} (decisions ${r.single.decisions_seconds.toFixed(1)} s)`,
      `equal: ${r.comparison.equal} (rows ${r.comparison.union_rows} vs ${r.comparison.single_rows}; except all ${r.comparison.union_minus_single}/${r.comparison.single_minus_union}; rejects ${r.comparison.rejects_union} vs ${r.comparison.rejects_single}; P64-DATA-04 people ${r.comparison.incomplete_people_union} vs ${r.comparison.incomplete_people_single})`,
    )
  return lines.join('\n')
}
