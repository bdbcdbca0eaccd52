import type { Model } from '../model.ts'
import { raw } from '../helpers/model-sql.ts'

/**
 * ingest_rejects when the native reader read the input: empty, with the SQL path's columns. The reader takes only a
 * file whose every line DuckDB would load (pipelines/ingest/native/doj-fold.c); any other goes to the SQL path.
 */
export const ingest_rejects_folded: Model = {
  name: 'ingest_rejects',
  layer: 'staging',
  materialized: 'table',
  grain: 'one row per input line not loaded (file, line)',
  sql: () =>
    raw(`select null::varchar as file, null::bigint as line, null::varchar as reason, null::varchar as raw_text,
  null::varchar as subject_id, null::varchar[] as subject_ids
where false`),
}
