import type { Model } from '../model.ts'
import { raw } from '../helpers/model-sql.ts'

/**
 * The extract files as DuckDB reads them: the contract's 95 columns as text, malformed lines diverted to the
 * ingest_reject_errors table. A view, so the CSV is scanned once, by the staging table that reads it.
 */
export const raw_doj_rows: Model = {
  name: 'raw_doj_rows',
  layer: 'source',
  materialized: 'view',
  grain: 'one row per well-formed line of the input files',
  sql: (ctx) => raw(ctx.rawSource),
}
