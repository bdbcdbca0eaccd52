import type { Model } from '../model.ts'
import { raw, type Relation } from '../helpers/model-sql.ts'

/** The relation, for ref() in the models that read it (the model itself is made per run). */
export const RAW_COURT_INDEX_ROWS: Relation = { name: 'raw_court_index_rows' }

/**
 * The court index files as DuckDB reads them: the contract's columns as text, with file_index and record (the
 * record's order in its file, for line numbers), malformed lines diverted to court_reject_errors. The read_csv
 * expression comes from pipelines/reconcile (it knows the files), so the model is made per run.
 */
export function rawCourtIndexRows(source: string): Model {
  return {
    name: RAW_COURT_INDEX_ROWS.name,
    layer: 'source',
    materialized: 'table',
    grain: 'one row per well-formed record of the court index files (file_index, record)',
    sql: () => raw(source),
  }
}
