/**
 * Sets DuckDB's memory limit, and with it hands back to the system the memory DuckDB's allocator keeps for reuse.
 * DuckDB returns a finished query's working memory to its allocator (its bundled jemalloc), which keeps it: on
 * the 20M-line run's database, after a 2.3 GB temp table was dropped, the process still held 2.4 GB while DuckDB
 * counted 0.24 GB as its own. Setting the limit, even to the value it has, flushes the allocator: 2.4 GB → 0.37 GB
 * at once.
 *
 * A statewide-size run calls it once its models are built, with its writing's lower limit (resource-options.ts),
 * and again before each output step (they run one after another there), so the sorts of the next step, and the
 * motions' JavaScript heap and render workers, do not come on top of memory nobody uses. A smaller run, whose
 * allocator keeps everything its queries free (duckdb.ts, keepFreedMemory: memory kept is memory the next query
 * need not fault in again), calls it once, between the decisions and the outputs: at 2M lines its peak was then
 * 1.9–2.0 GB against 2.4 GB without (and 1.7–1.8 GB with the allocator's own one-second decay).
 */
import { memoryLimitOf, setMemoryLimit, type Db } from '../lib/duckdb.ts'

export async function releaseRetainedMemory(db: Db, memoryLimit: string): Promise<void> {
  await setMemoryLimit(db, memoryLimit)
}

/** The same, keeping the limit the instance has; nothing when it runs on DuckDB's default (no limit was given). */
export async function releaseRetainedMemoryAtLimit(db: Db): Promise<void> {
  const limit = memoryLimitOf(db)
  if (limit) await setMemoryLimit(db, limit)
}
