import type { Model } from '../model.ts'

/**
 * Line number of every loaded court index record: the k-th data line of its file that the CSV reader did not
 * reject is record k (records are read in file order). The SELECT is built by pipelines/reconcile, which knows
 * the files and which lines the reader rejected.
 */
export function courtRecordLines(source: string): Model {
  return {
    name: 'court_record_lines',
    layer: 'source',
    materialized: 'table',
    grain: 'one row per loaded court index record (file_index, record)',
    dependsOn: ['raw_court_index_rows'],
    sql: () => source,
  }
}
