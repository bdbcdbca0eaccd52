/**
 * A "cold" Kysely: it compiles typed query builders to SQL text and never connects. DuckDB runs the text.
 * The Postgres compiler's dialect (double-quoted identifiers, standard CASE/window syntax) is what DuckDB reads.
 */
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type Compilable,
} from 'kysely'
import type { Database } from './database.ts'
import { lit } from './helpers/quote.ts'

export const qb = new Kysely<Database>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
})

/** SQL text of a builder with every value inlined (views must not carry bind parameters). */
export function toSql(q: Compilable): string {
  const c = q.compile()
  let i = 0
  const params = c.parameters
  return c.sql.replace(/\$(\d+)/g, () => {
    const v = params[i++]
    if (v === null || v === undefined) return 'null'
    if (typeof v === 'number' || typeof v === 'bigint') return String(v)
    if (typeof v === 'boolean') return v ? 'true' : 'false'
    return lit(String(v))
  })
}
