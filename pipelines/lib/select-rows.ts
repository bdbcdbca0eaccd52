/**
 * Runs a kysely builder (the cold compiler of sql/kysely.ts) on the run's database and returns its rows,
 * typed by the builder: a step that reads a mart names its columns once, and the type checker knows them.
 */
import type { Compilable, InferResult } from 'kysely'
import { toSql } from '../../sql/kysely.ts'
import type { Db } from './duckdb.ts'

export async function selectRows<Q extends Compilable<unknown>>(db: Db, query: Q): Promise<InferResult<Q>> {
  return (await db.rows(toSql(query))) as InferResult<Q>
}
