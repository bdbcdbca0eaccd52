/** withThreads sets DuckDB's threads for a piece of work and gives the setting back, also when the work fails. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDb, type Db } from '../../../pipelines/lib/duckdb.ts'
import { withThreads } from '../../../pipelines/run/db-threads.ts'

const THREADS = 2
let db: Db
beforeAll(async () => {
  db = await openDb(':memory:', { threads: THREADS })
})
afterAll(() => db.close())

describe('withThreads', () => {
  it('runs the work with the threads asked for, and restores them after', async () => {
    const during = await withThreads(db, 1, () =>
      db.scalar<bigint>(`select current_setting('threads')::bigint`),
    )
    expect(Number(during)).toBe(1)
    expect(Number(await db.scalar(`select current_setting('threads')`))).toBe(THREADS)
  })

  it('restores them when the work fails, and passes the failure on', async () => {
    await expect(withThreads(db, 1, () => db.run('select * from no_such_table'))).rejects.toThrow(
      /no_such_table/,
    )
    expect(Number(await db.scalar(`select current_setting('threads')`))).toBe(THREADS)
  })
})
