/**
 * DuckDB's thread setting: read, and set for a piece of work. The setting is GLOBAL (one per database instance):
 * work on the instance's other connections meanwhile runs with it too, each query then on as many threads.
 */
import type { Db } from '../lib/duckdb.ts'

/** The instance's threads now. */
export const threadsOf = (db: Db): Promise<bigint> =>
  db.scalar<bigint>(`select current_setting('threads')::bigint`)

/** Runs work with DuckDB's threads set to `threads`, then restores them, also when the work fails. */
export async function withThreads<T>(db: Db, threads: number, work: () => Promise<T>): Promise<T> {
  const before = await threadsOf(db)
  await db.run(`set threads = ${threads}`)
  try {
    return await work()
  } finally {
    await db.run(`set threads = ${before}`)
  }
}
