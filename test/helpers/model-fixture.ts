/**
 * One model on hand-made upstream tables, in a fresh in-memory DuckDB: create the fixture tables a test names
 * (only the columns the model reads), build the seeds it asks for from their real models, then the model, and
 * read its rows. No whole-pipeline run: a model test takes milliseconds.
 */
import { resolve } from 'node:path'
import { openDb, type Db } from '../../pipelines/lib/duckdb.ts'
import {
  buildStatements,
  compileModel,
  dependenciesOf,
  type Model,
  type ModelContext,
} from '../../sql/model.ts'
import { lit } from '../../sql/helpers/quote.ts'
import { resolvePolicy } from '../../pipelines/policy/resolve-policy.ts'

/** A cell: a JS value (quoted and cast to the column type), or SQL text as { sql }. */
export type Cell = string | number | boolean | null | undefined | { sql: string }

export interface FixtureTable {
  /** column name -> DuckDB type, in table order. */
  columns: Record<string, string>
  rows: Record<string, Cell>[]
}

const REFERENCE_DIR = resolve(import.meta.dirname, '../../data-contracts/reference')

export function fixtureContext(over: Partial<ModelContext> = {}): ModelContext {
  const policyName = over.policyName ?? over.policy?.name ?? 'statute'
  return {
    rawSource: '',
    asOf: '2026-01-01',
    county: null,
    policyName,
    policy: over.policy ?? resolvePolicy(policyName),
    referenceDir: REFERENCE_DIR,
    ...over,
  }
}

function cellSql(v: Cell, type: string): string {
  if (v === null || v === undefined) return `null::${type}`
  if (typeof v === 'object') return `(${v.sql})::${type}`
  if (typeof v === 'string') return `${lit(v)}::${type}`
  return `${String(v)}::${type}`
}

export async function createTable(db: Db, name: string, t: FixtureTable): Promise<void> {
  const cols = Object.entries(t.columns)
  await db.run(`create or replace table ${name} (${cols.map(([c, ty]) => `"${c}" ${ty}`).join(', ')})`)
  for (const row of t.rows) {
    for (const k of Object.keys(row))
      if (!(k in t.columns)) throw new Error(`fixture ${name}: no column ${k}`)
    await db.run(`insert into ${name} values (${cols.map(([c, ty]) => cellSql(row[c], ty)).join(', ')})`)
  }
}

export interface ModelRun {
  db: Db
  /** Every row of the model, ordered by the given SQL (default: as the model returns them). */
  rows<T = Record<string, unknown>>(orderBy?: string): Promise<T[]>
  close(): void
}

/**
 * Builds `model` over `tables` (hand-made) and `seeds` (real seed models: run_params, reference tables).
 * Every relation the model declares must be one or the other, so a fixture cannot miss an upstream table.
 */
export async function runModel(
  model: Model,
  tables: Record<string, FixtureTable>,
  opts: { seeds?: readonly Model[]; ctx?: Partial<ModelContext>; also?: readonly Model[] } = {},
): Promise<ModelRun> {
  const ctx = fixtureContext(opts.ctx)
  const db = await openDb(':memory:')
  const given = new Set([...Object.keys(tables), ...(opts.seeds ?? []).map((m) => m.name)])
  for (const m of [...(opts.also ?? []), model]) {
    const missing = dependenciesOf(m, ctx).filter((d) => !given.has(d))
    if (missing.length) throw new Error(`fixture for ${m.name} lacks ${missing.join(', ')}`)
    given.add(m.name)
  }
  for (const s of opts.seeds ?? []) await db.run(compileModel(s, ctx))
  for (const [name, t] of Object.entries(tables)) await createTable(db, name, t)
  // As a run builds them: a partitioned model on a statewide-size input (ctx.largeInput) in hash buckets.
  for (const m of [...(opts.also ?? []), model]) for (const s of buildStatements(m, ctx)) await db.run(s)
  return {
    db,
    rows: (orderBy) => db.rows(`select * from ${model.name}${orderBy ? ` order by ${orderBy}` : ''}`),
    close: () => db.close(),
  }
}
