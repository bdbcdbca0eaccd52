import { describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import {
  checkModelOrder,
  compileModel,
  dependenciesOf,
  type Model,
  type ModelContext,
} from '../../sql/model.ts'
import { ref } from '../../sql/helpers/model-sql.ts'
import { buildStatements, LARGE_INPUT_PASSES } from '../../sql/model.ts'
import { int_subjects } from '../../sql/intermediate/int_subjects.ts'
import { createTable, fixtureContext } from '../helpers/model-fixture.ts'
import { openDb } from '../../pipelines/lib/duckdb.ts'

const ctx: ModelContext = {
  rawSource: 'select 1',
  asOf: '2020-01-01',
  county: null,
  policyName: 'statute',
  referenceDir: 'data-contracts/reference',
}
const base = { materialized: 'table', grain: 'one row per thing' } as const
const a: Model = { ...base, name: 'stg_a', layer: 'staging', sql: () => sql`select 1 as x` }
const b: Model = { ...base, name: 'int_b', layer: 'intermediate', sql: () => sql`select x from ${ref(a)}` }
const c: Model = {
  ...base,
  name: 'mart_c',
  layer: 'mart',
  sql: () => sql`select * from ${ref(b)} join ${ref(a)} using (x) where ${sql.lit("it's")} <> ''`,
}

describe('models written as kysely templates', () => {
  it('take their dependency list from their ref()s, in first-use order', () => {
    expect(dependenciesOf(c, ctx)).toEqual(['int_b', 'stg_a'])
    expect(dependenciesOf(a, ctx)).toEqual([])
  })

  it('compile to DDL with the references quoted and values inlined', () => {
    const ddl = compileModel(c, ctx)
    expect(ddl).toContain('-- depends on: int_b, stg_a')
    expect(ddl).toContain(`select * from "int_b" join "stg_a" using (x) where 'it''s' <> ''`)
  })

  it('are refused when built before what they read', () => {
    expect(() => checkModelOrder([b, a], ctx)).toThrow(/int_b depends on stg_a, which is not built before it/)
  })

  it('are refused when they name a model without ref()', () => {
    const sneaky: Model = { ...base, name: 'mart_d', layer: 'mart', sql: () => sql`select * from int_b` }
    expect(() => checkModelOrder([a, b, sneaky], ctx)).toThrow(/mart_d reads int_b without declaring it/)
  })

  it('are refused when a mart reads forward into a later layer', () => {
    const early: Model = { ...base, name: 'stg_e', layer: 'staging', sql: () => sql`select * from ${ref(c)}` }
    expect(() => checkModelOrder([a, b, c, early], ctx)).toThrow(
      /stg_e \(staging\) reads mart_c from a later layer/,
    )
  })
})

describe('a partitioned model on a statewide-size input', () => {
  it('is built one hash bucket of people at a time, with the same rows as one build', async () => {
    const lines = Array.from({ length: 40 }, (_, i) => ({
      subject_id: `S${i % 13}`,
      name: i % 5 === 0 ? `OTHER ${i % 13}` : `NAME ${i % 13}`,
      cii_number: null,
      gender: 'M',
      race_code: 'W',
      dob: '1980-01-01',
      dob_present: true,
      step_type: i % 7 === 0 ? 'DECEASED' : null,
      step_date: '2010-01-01',
      is_pc290_registration: false,
      // Several counties and conviction dates, so the earliest conviction's county is a real choice.
      county: ['FRESNO', 'KERN', 'YOLO'][i % 3],
      disp_date: `20${String(10 + (i % 9)).padStart(2, '0')}-0${1 + (i % 8)}-15`,
      is_conviction: i % 2 === 0,
    }))
    const columns = {
      subject_id: 'varchar',
      name: 'varchar',
      cii_number: 'varchar',
      gender: 'varchar',
      race_code: 'varchar',
      dob: 'date',
      dob_present: 'boolean',
      step_type: 'varchar',
      step_date: 'date',
      is_pc290_registration: 'boolean',
      county: 'varchar',
      disp_date: 'date',
      is_conviction: 'boolean',
    }
    expect(buildStatements(int_subjects, fixtureContext({ largeInput: true }))).toHaveLength(
      LARGE_INPUT_PASSES,
    )
    expect(buildStatements(int_subjects, fixtureContext())).toHaveLength(1)
    const results: unknown[] = []
    for (const largeInput of [false, true]) {
      const db = await openDb(':memory:')
      try {
        await createTable(db, 'stg_doj_rows', { columns, rows: lines })
        for (const s of buildStatements(int_subjects, fixtureContext({ largeInput }))) await db.run(s)
        results.push(await db.rows(`select * from int_subjects order by subject_id`))
      } finally {
        db.close()
      }
    }
    expect((results[0] as unknown[]).length).toBe(13)
    expect(results[1]).toEqual(results[0])
  })
})
