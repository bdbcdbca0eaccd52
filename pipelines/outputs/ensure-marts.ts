/**
 * Before an output is written again from a run folder (`relief report`, `relief export`): the marts it reads
 * must be in the database. A database from an older version may lack some; they are built from the
 * run's own tables, with the run's parameters from its manifest. Views are cheap and always recreated.
 */
import type { Db } from '../lib/duckdb.ts'
import { REFERENCE_DIR } from '../lib/paths.ts'
import { UserError } from '../lib/user-error.ts'
import { buildModels } from '../run/build-models.ts'
import { MODELS } from '../../sql/models.ts'
import type { Manifest } from '../../data-contracts/manifest.contract.ts'

/** The database's views (not DuckDB's own). */
export async function viewNames(db: Db): Promise<Set<string>> {
  const rows = await db.rows<{ name: string }>(
    `select view_name as name from duckdb_views() where not internal`,
  )
  return new Set(rows.map((r) => r.name))
}

export async function ensureMarts(db: Db, dbPath: string, manifest: Manifest): Promise<void> {
  const tables = new Set(
    (await db.rows<{ name: string }>(`select table_name as name from duckdb_tables()`)).map((r) => r.name),
  )
  // The run keeps count_determinations as a view of its SQL (Model.persistAs); a file from an earlier version, as a
  // table.
  if (!tables.has('count_determinations') && !(await viewNames(db)).has('count_determinations'))
    throw new UserError(`${dbPath} has no count_determinations table`)
  const needed = MODELS.filter(
    (m) => m.layer === 'mart' && (m.materialized === 'view' || !tables.has(m.name)),
  )
  await buildModels(
    db,
    {
      rawSource: '',
      asOf: manifest.as_of,
      county: manifest.options.county,
      policyName: manifest.options.policy,
      referenceDir: REFERENCE_DIR,
    },
    needed,
  )
}
