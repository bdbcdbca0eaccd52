/**
 * Scale-out step 1: one scan of the extract, with the run's own reader (raw-source.ts: explicit columns, strict
 * CSV, malformed lines to DuckDB's reject tables), written as Parquet partitioned by a hash of the subject.
 * Every rule reads one person's history only, so a partition holds whole histories and decides them alone.
 * The rejected lines are found here, once, with the ingest_rejects model and the run's ledger check
 * (reconcile.ts, physical line numbers included), and kept with the subjects they name: each worker gets the
 * rejects of its own subjects, so a person with a rejected line is review (P64-DATA-04) as in one run.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { Db } from '../lib/duckdb.ts'
import { lit } from '../../sql/helpers/quote.ts'
import { compileModel, type ModelContext } from '../../sql/model.ts'
import { ingest_rejects } from '../../sql/staging/ingest_rejects.ts'
import { resolveInputs } from '../ingest/resolve-inputs.ts'
import { inspectFile } from '../ingest/inspect-file.ts'
import { rawSourceSql } from '../ingest/raw-source.ts'
import { ingestError } from '../ingest/ingest-error.ts'
import { ledgerOf, type FileLedger } from '../ingest/file-ledger.ts'
import { ledgerTotals, reconcile } from '../ingest/reconcile.ts'
import { openFreshDb } from '../run/fresh-db.ts'
import { REFERENCE_DIR } from '../lib/paths.ts'
import type { LedgerTotals } from '../../data-contracts/manifest.contract.ts'

/**
 * The partition of a subject id. The same expression for a loaded row's SUBJECT_ID and for a subject a rejected
 * line names, and the same cleaning as the staging key (trimmed, blank is null): two spellings that the models
 * join as one person always land in one partition.
 */
export const partitionOf = (subjectExpr: string, workers: number): string =>
  `(hash(nullif(trim(${subjectExpr}), '')) % ${workers})`

/** Where the partitioner writes, under the scale-out folder. */
export const partitionPaths = (dir: string) => ({
  db: join(dir, 'partition.duckdb'),
  parts: join(dir, 'parts'),
  part: (k: number) => join(dir, 'parts', `part=${k}`),
  rejects: join(dir, 'rejects.parquet'),
})

/** One partition's rows, as a worker's raw source: the 95 DOJ columns and filename, as the reader gave them. */
export const partitionSourceSql = (dir: string, k: number): string =>
  `select * from read_parquet(${lit(join(partitionPaths(dir).part(k), '*.parquet'))}, hive_partitioning=false)`

/**
 * The rejected lines a worker must know: those naming one of its subjects (a multi-line reject can name people
 * of several partitions, and goes to each), and, to keep the union whole, those naming nobody go to worker 0.
 */
export const workerRejectsSql = (dir: string, k: number, workers: number): string =>
  `select * from read_parquet(${lit(partitionPaths(dir).rejects)})
where len(list_filter(subject_ids, s -> ${partitionOf('s', workers)} = ${k})) > 0
   or (${k} = 0 and len(subject_ids) = 0)`

export interface PartitionResult {
  seconds: number
  totals: LedgerTotals
  /** Loaded rows per partition, index = partition. */
  rows_per_part: number[]
}

export async function partitionExtract(opts: {
  inputs: string[]
  dir: string
  workers: number
  threads?: number
  memoryLimit?: string
}): Promise<PartitionResult> {
  const t = performance.now()
  const { inputs, dir, workers } = opts
  const paths = partitionPaths(dir)
  const files = resolveInputs(inputs).map((path) => inspectFile(path))
  rmSync(paths.parts, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const ledgerPromise = Promise.all(files.map(async (f) => [f.path, await ledgerOf(f.path)] as const))
  const db = await openFreshDb(paths.db, { threads: opts.threads, memoryLimit: opts.memoryLimit })
  try {
    try {
      await db.run(`copy (select *, ${partitionOf('"SUBJECT_ID"', workers)} as part from (${rawSourceSql(files)}))
        to ${lit(paths.parts)} (format parquet, compression zstd, partition_by (part))`)
    } catch (e) {
      throw ingestError(e, files)
    }
    // The ingest_rejects model reads only DuckDB's reject tables the scan above filled: built as in a run.
    const ctx: ModelContext = {
      rawSource: rawSourceSql(files),
      asOf: '1970-01-01',
      county: null,
      policyName: 'statute',
      referenceDir: REFERENCE_DIR,
    }
    await db.run(compileModel(ingest_rejects, ctx))
    await fillEmptyPartitions(db, dir, workers)
    await db.run(`create view partition_rows as
      select filename as source_file, nullif(trim("SUBJECT_ID"), '') as subject_id
      from read_parquet(${lit(join(paths.parts, '*', '*.parquet'))}, hive_partitioning=false)`)
    // The run's ledger: records read = loaded + rejected per file, and physical line numbers for the rejects.
    const ledgers = new Map<string, FileLedger>(await ledgerPromise)
    const reconciled = await reconcile(db, files, ledgers, {
      loaded: 'partition_rows',
      rejects: ingest_rejects.name,
      namesSubjects: true,
    })
    await db.run(
      `copy (select * from ${ingest_rejects.name} order by file, line) to ${lit(paths.rejects)} (format parquet)`,
    )
    const perPart = await db.rows<{ part: number; n: number }>(
      `select part::int as part, count(*)::int as n
       from read_parquet(${lit(join(paths.parts, '*', '*.parquet'))}, hive_partitioning=true) group by 1`,
    )
    const rows_per_part = Array.from({ length: workers }, (_, k) => perPart.find((p) => p.part === k)?.n ?? 0)
    return { seconds: (performance.now() - t) / 1000, totals: ledgerTotals(reconciled), rows_per_part }
  } finally {
    db.close()
  }
}

/** A partition no subject hashed to still gets a file with the columns, so its worker reads zero rows. */
async function fillEmptyPartitions(db: Db, dir: string, workers: number): Promise<void> {
  const paths = partitionPaths(dir)
  for (let k = 0; k < workers; k++) {
    if (existsSync(paths.part(k))) continue
    mkdirSync(paths.part(k), { recursive: true })
    await db.run(`copy (select * from read_parquet(${lit(join(paths.parts, '*', '*.parquet'))},
      hive_partitioning=false) limit 0) to ${lit(join(paths.part(k), 'empty.parquet'))} (format parquet)`)
  }
}
