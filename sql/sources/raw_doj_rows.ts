import type { Model } from '../model.ts'

/**
 * The extract files as DuckDB reads them: the contract's 95 columns as text, malformed lines diverted to the
 * ingest_reject_errors table. A view, so the CSV is scanned once, by the staging table that reads it.
 */
export const raw_doj_rows: Model = {
  name: 'raw_doj_rows',
  layer: 'source',
  materialized: 'view',
  grain: 'one row per well-formed line of the input files',
  dependsOn: [],
  sql: (ctx) => ctx.rawSource,
}
