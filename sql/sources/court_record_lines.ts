import type { Model } from '../model.ts'
import type { Relation } from '../helpers/model-sql.ts'
import { withRefs } from '../helpers/text-refs.ts'
import { RAW_COURT_INDEX_ROWS } from './raw_court_index_rows.ts'

/** The relation, for ref() in the models that read it (the model itself is made per run). */
export const COURT_RECORD_LINES: Relation = { name: 'court_record_lines' }

/**
 * Line number of every loaded court index record: the k-th data line of its file that the CSV reader did not
 * reject is record k (records are read in file order). The SELECT is built by pipelines/reconcile, which knows
 * the files and which lines the reader rejected; its reads of raw_court_index_rows become ref()s.
 */
export function courtRecordLines(source: string): Model {
  return {
    name: COURT_RECORD_LINES.name,
    layer: 'source',
    materialized: 'table',
    grain: 'one row per loaded court index record (file_index, record)',
    sql: () => withRefs(source, [RAW_COURT_INDEX_ROWS]),
  }
}
