/**
 * Finer-grained scans change how DuckDB divides a table among its threads, never what a query returns or the
 * order a COPY keeps: a small table (one row group) copied in order, with and without them, gives the same bytes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDb, type Db } from '../../../pipelines/lib/duckdb.ts'
import { ROW_GROUP_ROWS, underThreads, withFineScans } from '../../../pipelines/run/fine-scans.ts'
import { copyCsv } from '../../../pipelines/run/write-outputs.ts'
import { withInsertionOrder } from '../../../pipelines/export/insertion-order.ts'

let db: Db
let dir = ''
beforeAll(async () => {
  db = await openDb(':memory:', { threads: 4 })
  dir = mkdtempSync(join(tmpdir(), 'relief-fine-scans-'))
  // 100,000 rows: one row group, so without fine scans one thread reads it all.
  await db.run(`set preserve_insertion_order = true`)
  await db.run(
    `create table small as select (range * 7919) % 100000 as k, 'row ' || range as v from range(100000) order by k`,
  )
  await db.run(`set preserve_insertion_order = false`)
})
afterAll(() => db.close())

describe('fine scans', () => {
  it('copy a small table in the same order, to the same bytes', async () => {
    const plain = join(dir, 'plain.csv')
    const fine = join(dir, 'fine.csv')
    await withInsertionOrder(db, () => copyCsv(db, 'select k, v from small', plain))
    await withInsertionOrder(db, () => withFineScans(db, () => copyCsv(db, 'select k, v from small', fine)))
    const a = readFileSync(plain, 'utf8')
    expect(readFileSync(fine, 'utf8')).toBe(a)
    const keys = a
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => Number(l.split(',')[0]))
    expect(keys).toEqual([...keys].sort((x, y) => x - y))
  })

  it('pass the failure of the work on, and leave the connection usable', async () => {
    await expect(withFineScans(db, () => db.run('select * from no_such_table'))).rejects.toThrow(
      /no_such_table/,
    )
    expect(Number(await db.scalar('select count(*) from small'))).toBe(100_000)
  })

  it('are wanted for a table of fewer row groups than threads', async () => {
    expect(await underThreads(db, 'small')).toBe(true) // 1 row group, 4 threads
    await db.run(`create table big as select range as k from range(${4 * ROW_GROUP_ROWS - 5})`)
    expect(await underThreads(db, 'big')).toBe(false) // 4 row groups (the last not full), 4 threads
  })
})
