/**
 * Finer-grained parallel scans for small tables. DuckDB hands its threads a table one row group (122,880 rows) at a
 * time, so a table of fewer row groups than threads is read, and everything built from it computed, on fewer
 * threads than the run has: at 1M input lines the in-scope counts are one row group, and the determinations and
 * their files were built on one core of two. DuckDB's `verify_parallelism` pragma (documented for testing) makes
 * each task one vector of 2,048 rows instead. It changes how a scan is divided, never what it returns: the files
 * are byte-identical with it (test/pipelines/run/fine-scans.test.ts). It is a setting of the connection.
 */
import type { Db } from '../lib/duckdb.ts'
import { threadsOf } from './db-threads.ts'

/** Rows in one row group of a DuckDB table: the unit its scans are divided in. */
export const ROW_GROUP_ROWS = 122_880

export async function withFineScans<T>(db: Db, work: () => Promise<T>): Promise<T> {
  await db.run('pragma verify_parallelism')
  try {
    return await work()
  } finally {
    await db.run('pragma disable_verify_parallelism')
  }
}

/** Whether the table has fewer row groups than the database has threads (its scans would leave threads idle). */
export async function underThreads(db: Db, table: string): Promise<boolean> {
  const rows = Number(await db.scalar<bigint>(`select count(*) from ${table}`))
  return Math.ceil(rows / ROW_GROUP_ROWS) < Number(await threadsOf(db))
}
