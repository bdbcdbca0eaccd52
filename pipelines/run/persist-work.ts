/**
 * A run of ordinary size builds its models in memory and writes them into the database file beside the output
 * steps. Building the models straight into the file cost about as much again as building them: every table was
 * compressed and written as it was created, while the decisions waited (at 2M lines the models and determinations
 * took 8.1 s into the file and 3.9 s in memory, docs/scale.md "Session 21"). The file ends the same: every table
 * and view the run built, with its comment, for `relief explain`, `export` and the status commands.
 */
import type { Db } from '../lib/duckdb.ts'
import { lit } from '../../sql/helpers/quote.ts'

/** The name the run's database file is attached under while the run works in memory. */
export const STORE = 'store'

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`

/**
 * Copies every table and view of the in-memory database not yet in the file. Tables first; then the views,
 * created with the file as the connection's default catalog so that their names resolve to its tables, in as many
 * rounds as their dependencies on each other need. A table named in `asViews` is kept as that view instead
 * (Model.persistAs: the DDL of a view of its model's SQL); one named in `later` is left for a later call. Returns the
 * names copied.
 */
export async function persistWork(
  db: Db,
  asViews: ReadonlyMap<string, string> = new Map(),
  /** Tables and views left for a later call (the table marts, built while this copy runs). */
  later: ReadonlySet<string> = new Set(),
): Promise<string[]> {
  const kept = new Set(
    (
      await db.rows<{ name: string }>(
        `select table_name as name from duckdb_tables() where database_name = ${lit(STORE)}
         union all select view_name from duckdb_views() where database_name = ${lit(STORE)}`,
      )
    ).map((r) => r.name),
  )
  const built = await db.rows<{ name: string; comment: string | null }>(
    `select table_name as name, comment from duckdb_tables()
     where database_name = 'memory' and schema_name = 'main' and not temporary order by table_name`,
  )
  const tables = built.filter((t) => !kept.has(t.name) && !asViews.has(t.name) && !later.has(t.name))
  for (const t of tables) {
    await db.run(`create table ${STORE}.main.${quoted(t.name)} as from memory.main.${quoted(t.name)}`)
    if (t.comment) await db.run(`comment on table ${STORE}.main.${quoted(t.name)} is ${lit(t.comment)}`)
  }
  const views = [
    ...(
      await db.rows<View>(
        `select view_name as name, sql, comment from duckdb_views()
       where database_name = 'memory' and schema_name = 'main' and not temporary and not internal`,
      )
    ).filter((v) => !kept.has(v.name) && !later.has(v.name)),
    // The DDL carries the view's comment.
    ...[...asViews]
      .filter(([name]) => built.some((t) => t.name === name) && !kept.has(name))
      .map(([name, sql]) => ({ name, sql, comment: null })),
  ]
  const copied = tables.map((t) => t.name)
  if (views.length === 0) return copied
  // A table kept as a view is first an empty table of its columns, a stand-in the other views bind to: bound
  // through the chain of views (count_determinations over the policy and statute layers over int_prop64_counts),
  // each mart's view took 40–130 ms to create, half a second in all. A view's SQL is bound again when it is read.
  const standIns = views.filter((v) => asViews.has(v.name))
  for (const v of standIns)
    await db.run(`create table ${STORE}.main.${quoted(v.name)} as from memory.main.${quoted(v.name)} limit 0`)
  await db.run(`use ${STORE}`)
  try {
    await createViews(
      db,
      views.filter((v) => !asViews.has(v.name)),
      copied,
    )
    for (const v of standIns) await db.run(`drop table ${quoted(v.name)}`)
    await createViews(db, standIns, copied)
  } finally {
    await db.run('use memory')
  }
  return copied
}

interface View {
  name: string
  sql: string
  comment: string | null
}

/** Creates the views, in as many rounds as their dependencies on each other need; appends their names to `copied`. */
async function createViews(db: Db, views: View[], copied: string[]): Promise<void> {
  while (views.length) {
    const left: View[] = []
    let lastError: unknown
    for (const v of views)
      try {
        await db.run(v.sql)
        if (v.comment) await db.run(`comment on view ${quoted(v.name)} is ${lit(v.comment)}`)
        copied.push(v.name)
      } catch (e) {
        lastError = e
        left.push(v)
      }
    if (left.length === views.length)
      throw new Error(`views not written to the database file: ${left.map((v) => v.name).join(', ')}`, {
        cause: lastError,
      })
    views = left
  }
}
