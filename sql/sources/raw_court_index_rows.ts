import type { Model } from '../model.ts'

/**
 * The court index files as DuckDB reads them: the contract's columns as text, with file_index and record (the
 * record's order in its file, for line numbers), malformed lines diverted to court_reject_errors. The read_csv
 * expression comes from pipelines/reconcile (it knows the files), so the model is made per run.
 */
export function rawCourtIndexRows(source: string): Model {
  return {
    name: 'raw_court_index_rows',
    layer: 'source',
    materialized: 'table',
    grain: 'one row per well-formed record of the court index files (file_index, record)',
    dependsOn: [],
    sql: () => source,
  }
}
