/**
 * The database file's one checkpoint, run beside the output steps rather than in close(). It compresses every
 * table built in the file on one thread (about 2 s at demo size, where each table under a row group of 122,880
 * rows went to the log whole), while the output steps write temp tables only.
 *
 * DuckDB refuses a checkpoint ("other write transactions active") while a catalog change is uncommitted, or
 * while a statement that began before the last committed one still runs: a step's long read that started before
 * the court models' last table holds it off. So it is tried again every 100 ms, and given up once `done()` says
 * the steps have finished; close() then checkpoints, as it always did.
 */
import type { Db } from '../lib/duckdb.ts'

const RETRY_MS = 100

export async function checkpointBeside(
  db: Db,
  done: () => boolean,
  /** The attached database to checkpoint; the connection's own by default. */
  database?: string,
): Promise<'checkpointed' | 'left to close'> {
  for (;;) {
    try {
      await db.run(database ? `CHECKPOINT ${database}` : 'CHECKPOINT')
      return 'checkpointed'
    } catch (e) {
      if (done() || !/write transactions active/i.test(String(e))) return 'left to close'
      await new Promise((r) => setTimeout(r, RETRY_MS))
    }
  }
}
