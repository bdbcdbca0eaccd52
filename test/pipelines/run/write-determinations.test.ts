/**
 * count_determinations.csv and .parquet are the same whichever way writeDeterminations copies them: a table of
 * several row groups is copied with DuckDB on one thread (each copy on its own connection's thread), a smaller one
 * on the run's threads with finer scans. Both must give the rows in the table's stored order, and the run's thread
 * setting must come back as it was, also when a copy fails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDb, type Db } from '../../../pipelines/lib/duckdb.ts'
import { ROW_GROUP_ROWS, underThreads } from '../../../pipelines/run/fine-scans.ts'
import { copyCsv, writeDeterminations } from '../../../pipelines/run/write-outputs.ts'
import { withInsertionOrder } from '../../../pipelines/export/insertion-order.ts'
import { COUNT_DETERMINATIONS_COLUMNS } from '../../../data-contracts/outputs/count-determinations.contract.ts'

const THREADS = 2
let db: Db
let dir = ''

/** A stand-in for count_decisions of `rows` rows, stored in its key order, and count_determinations over it. */
async function decisions(rows: number): Promise<void> {
  // Every contract column, from a key in a scrambled order; one text starts like a formula (the CSV guards it).
  const cols = COUNT_DETERMINATIONS_COLUMNS.map((c, i) =>
    c === 'subject_id'
      ? `lpad(k::varchar, 9, '0') as subject_id`
      : i % 5 === 0
        ? `case when k % 97 = 0 then '=' else '' end || 'text ' || (k % ${i + 3}) || ', ' || k as "${c}"`
        : `(k % ${i + 11})::varchar as "${c}"`,
  )
  await db.run(`set preserve_insertion_order = true`)
  await db.run(`create or replace table count_decisions as
    select ${cols.join(', ')} from (select (range * 7919) % ${rows} as k from range(${rows})) order by k`)
  await db.run(`set preserve_insertion_order = false`)
  await db.run(`create or replace view count_determinations as select * from count_decisions`)
}

/** The files as the run wrote them before the single-threaded copy: on the run's threads, in stored order. */
async function reference(csv: string): Promise<void> {
  await withInsertionOrder(db, () => copyCsv(db, 'select * from count_determinations', csv))
}

const parquetRows = (path: string) =>
  db.rows<{ subject_id: string }>(
    `select subject_id from read_parquet('${path}', file_row_number = true) order by file_row_number`,
  )

beforeAll(async () => {
  db = await openDb(':memory:', { threads: THREADS })
  dir = mkdtempSync(join(tmpdir(), 'relief-write-determinations-'))
})
afterAll(() => db.close())

describe('writeDeterminations', () => {
  for (const [name, rows, under] of [
    ['a table of several row groups (one thread a copy)', THREADS * ROW_GROUP_ROWS + 1000, false],
    ['a table of one row group (finer scans)', 50_000, true],
  ] as const)
    it(`writes ${name} in its stored order, the CSV as the run's copy writes it`, async () => {
      await decisions(rows)
      expect(await underThreads(db, 'count_decisions')).toBe(under)
      const [csv, parquet, ref] = [`${rows}.csv`, `${rows}.parquet`, `${rows}-ref.csv`].map((f) =>
        join(dir, f),
      )
      await writeDeterminations(db, csv!, parquet!)
      await reference(ref!)
      const text = readFileSync(csv!, 'utf8')
      expect(text).toBe(readFileSync(ref!, 'utf8'))
      const ids = text
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(',')[0]!)
      expect(ids).toHaveLength(rows)
      expect(ids.every((id, i) => i === 0 || ids[i - 1]! < id)).toBe(true)
      // A text that would start a formula is guarded in the CSV, not in the Parquet.
      expect(text).toContain(`,"'=text`)
      expect(text).not.toContain(`,"=text`)
      expect((await parquetRows(parquet!)).map((r) => r.subject_id)).toEqual(ids)
      expect(Number(await db.scalar(`select current_setting('threads')`))).toBe(THREADS)
    })
})
