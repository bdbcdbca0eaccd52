/**
 * Scale-out step 2, one worker: its own DuckDB file, the run's models compiled as they are (every model of
 * MODELS up to count_determinations, through compileModel), with only the input plumbing replaced: the raw
 * source reads the worker's Parquet partition instead of the CSV, and ingest_rejects is the partitioner's
 * reject ledger restricted to this worker's subjects instead of DuckDB's reject tables (there is no CSV scan
 * here to fill them). Nothing else of the models is known here: the seeds (reference tables, run parameters)
 * are built in full by every worker, the broadcast side of the plan.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { checkModelOrder, compileModel, type ModelContext } from '../../sql/model.ts'
import { MODELS } from '../../sql/models.ts'
import { ingest_rejects } from '../../sql/staging/ingest_rejects.ts'
import { count_determinations } from '../../sql/determinations/count_determinations.ts'
import { openFreshDb } from '../run/fresh-db.ts'
import { copyParquet, DETERMINATIONS_SELECT } from '../run/write-outputs.ts'
import { resolvePolicy } from '../policy/resolve-policy.ts'
import { REFERENCE_DIR } from '../lib/paths.ts'
import { partitionSourceSql, workerRejectsSql } from './scale-out-partition.ts'

export const workerPaths = (dir: string, k: number) => ({
  dir: join(dir, 'workers', String(k)),
  db: join(dir, 'workers', String(k), 'worker.duckdb'),
  determinations: join(dir, 'workers', String(k), 'count_determinations.parquet'),
})

export interface WorkerResult {
  part: number
  seconds: number
  rows: number
  /** Seconds per model layer (seed, source, staging, intermediate, determination) and for writing the file. */
  phases: Record<string, number>
}

export async function runWorker(opts: {
  dir: string
  part: number
  workers: number
  asOf: string
  policy: string
  threads?: number
  memoryLimit?: string
}): Promise<WorkerResult> {
  const t = performance.now()
  const { dir, part, workers } = opts
  const paths = workerPaths(dir, part)
  mkdirSync(paths.dir, { recursive: true })
  const policy = resolvePolicy(opts.policy)
  const ctx: ModelContext = {
    rawSource: partitionSourceSql(dir, part),
    asOf: opts.asOf,
    county: null,
    policyName: policy.name,
    policy,
    referenceDir: REFERENCE_DIR,
  }
  checkModelOrder(MODELS, ctx)
  // Marts aggregate over everyone and are not needed to decide: the workers stop at the decisions.
  const upTo = MODELS.findIndex((m) => m.name === count_determinations.name)
  const db = await openFreshDb(paths.db, { threads: opts.threads, memoryLimit: opts.memoryLimit })
  try {
    const phases: Record<string, number> = {}
    const timed = async (phase: string, f: () => Promise<void>) => {
      const s = performance.now()
      await f()
      phases[phase] = Number(((phases[phase] ?? 0) + (performance.now() - s) / 1000).toFixed(2))
    }
    for (const m of MODELS.slice(0, upTo + 1)) {
      const ddl =
        m.name === ingest_rejects.name
          ? `create or replace table ${m.name} as ${workerRejectsSql(dir, part, workers)}`
          : compileModel(m, ctx)
      try {
        await timed(m.layer, () => db.run(ddl))
      } catch (e) {
        throw new Error(`worker ${part}, model ${m.name}: ${(e as Error).message}`, { cause: e })
      }
    }
    await timed('write', () => copyParquet(db, DETERMINATIONS_SELECT, paths.determinations))
    const rows = Number(await db.scalar(`select count(*) from ${count_determinations.name}`))
    return { part, seconds: (performance.now() - t) / 1000, rows, phases }
  } finally {
    db.close()
  }
}
