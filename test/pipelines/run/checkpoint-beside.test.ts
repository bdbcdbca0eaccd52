/**
 * The run's checkpoint beside its output steps: it folds the log into the file, waits while another connection
 * holds a catalog write open (DuckDB refuses it then, as it does while a statement that began before the court
 * models' last table runs), and leaves the work to close() once the steps are done.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { existsSync, mkdtempSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDb, type Db } from '../../../pipelines/lib/duckdb.ts'
import { checkpointBeside } from '../../../pipelines/run/checkpoint-beside.ts'

const walSize = (path: string) => (existsSync(`${path}.wal`) ? statSync(`${path}.wal`).size : 0)
let open: Db[] = []
afterEach(() => {
  for (const db of open.reverse()) db.close()
  open = []
})

/** A file database whose one table (under a row group) sits in the log, as a run's tables do before close. */
async function withLoggedTable(): Promise<{ db: Db; path: string }> {
  const path = join(mkdtempSync(join(tmpdir(), 'relief-ckpt-')), 'run.duckdb')
  const db = await openDb(path, { threads: 2 })
  open.push(db)
  await db.run(`set checkpoint_threshold = '1TB'`)
  await db.run(`create table t as select range as i, md5(range::varchar) as s from range(50000)`)
  return { db, path }
}

/** Another connection with a table created and not yet committed: DuckDB refuses a checkpoint meanwhile. */
async function holdingCatalogWrite(db: Db): Promise<Db> {
  const writer = await db.connect()
  open.push(writer)
  await writer.run('begin transaction')
  await writer.run('create table held as select 1 as x')
  return writer
}

describe('checkpointBeside', () => {
  it('folds the log into the file', async () => {
    const { db, path } = await withLoggedTable()
    expect(walSize(path)).toBeGreaterThan(1_000_000)
    expect(await checkpointBeside(db, () => false)).toBe('checkpointed')
    expect(walSize(path)).toBe(0)
  })

  it('tries again while another connection holds a write open, and checkpoints once it commits', async () => {
    const { db, path } = await withLoggedTable()
    const writer = await holdingCatalogWrite(db)
    setTimeout(() => void writer.run('commit'), 300)
    const started = performance.now()
    expect(await checkpointBeside(db, () => false)).toBe('checkpointed')
    expect(performance.now() - started).toBeGreaterThanOrEqual(250)
    expect(walSize(path)).toBe(0)
    expect(await db.scalar<bigint>(`select count(*) from held`)).toBe(1n)
  })

  it('leaves the checkpoint to close() once the steps are done', async () => {
    const { db, path } = await withLoggedTable()
    const writer = await holdingCatalogWrite(db)
    let asked = 0
    expect(await checkpointBeside(db, () => ++asked >= 3)).toBe('left to close')
    expect(asked).toBe(3)
    expect(walSize(path)).toBeGreaterThan(1_000_000)
    await writer.run('rollback')
  })
})
