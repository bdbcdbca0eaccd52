import { describe, expect, it } from 'vitest'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDb } from '../../../pipelines/lib/duckdb.ts'
import { persistWork, STORE } from '../../../pipelines/run/persist-work.ts'

describe('persistWork: the run built in memory, written into the database file', () => {
  it('copies every table and view with its comment, views over views included, and only once', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'relief-persist-')), 'relief.duckdb')
    const db = await openDb(':memory:')
    await db.run(`attach '${file}' as ${STORE}`)
    await db.run(`create table people as select * from (values (1, 'A'), (2, 'B')) t(id, name)`)
    await db.run(`comment on table people is 'one row per person'`)
    await db.run(`create temp table scratch as select 1 as x`)
    // Created in an order their names do not sort in: the later view reads the earlier one.
    await db.run(`create view z_first as select id from people where id > 1`)
    await db.run(`create view a_second as select count(*) as n from z_first`)
    await db.run(`comment on view a_second is 'people past the first'`)
    expect((await persistWork(db)).sort()).toEqual(['a_second', 'people', 'z_first'])
    // A table built after the first copy (a later output step) is copied by the next, alone.
    await db.run(`create table later as select 3 as id`)
    expect(await persistWork(db)).toEqual(['later'])
    db.close()

    const stored = await openDb(file, { readOnly: true })
    try {
      expect(await stored.rows(`select * from people order by id`)).toEqual([
        { id: 1, name: 'A' },
        { id: 2, name: 'B' },
      ])
      expect(await stored.scalar(`select n from a_second`)).toBe(1n)
      expect(await stored.rows(`select table_name as name, comment from duckdb_tables() order by 1`)).toEqual(
        [
          { name: 'later', comment: null },
          { name: 'people', comment: 'one row per person' },
        ],
      )
      expect(
        await stored.rows(
          `select view_name as name, comment from duckdb_views() where not internal order by 1`,
        ),
      ).toEqual([
        { name: 'a_second', comment: 'people past the first' },
        { name: 'z_first', comment: null },
      ])
    } finally {
      stored.close()
    }
  })

  it('keeps a table named in asViews as its view, with the same rows', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'relief-persist-views-')), 'relief.duckdb')
    const db = await openDb(':memory:')
    await db.run(`attach '${file}' as ${STORE}`)
    await db.run(`create table people as select * from (values (1, 'A'), (2, 'B'), (3, 'C')) t(id, name)`)
    const ddl = `create or replace view adults as select id, name from people where id > 1 order by id;
comment on view adults is 'one row per adult';`
    await db.run(ddl.replace('view', 'table').replace('comment on view', 'comment on table'))
    // A view over it is bound to an empty stand-in of its columns while written, and reads the view after.
    await db.run(`create view adult_count as select count(*) as n from adults`)
    // A view named but not built in this run (another run's model) is not written.
    const asViews = new Map([
      ['adults', ddl],
      ['not_built', 'create view not_built as select 1'],
    ])
    expect((await persistWork(db, asViews)).sort()).toEqual(['adult_count', 'adults', 'people'])
    db.close()

    const stored = await openDb(file, { readOnly: true })
    try {
      expect(await stored.rows(`select table_name as name from duckdb_tables()`)).toEqual([
        { name: 'people' },
      ])
      expect(await stored.scalar(`select n from adult_count`)).toBe(2n)
      expect(await stored.rows(`select * from adults`)).toEqual([
        { id: 2, name: 'B' },
        { id: 3, name: 'C' },
      ])
      expect(await stored.scalar(`select comment from duckdb_views() where view_name = 'adults'`)).toBe(
        'one row per adult',
      )
    } finally {
      stored.close()
    }
  })
})
