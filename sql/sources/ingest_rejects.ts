import type { Model } from '../model.ts'

/**
 * Every input line ingest could not load: file, line number, reason and raw text. Created empty here so the
 * models that publish it can be built with the others; ingest's reconcile step (pipelines/ingest/reconcile.ts)
 * fills it from DuckDB's reject tables and the line ledger once the files have been read.
 */
export const ingest_rejects: Model = {
  name: 'ingest_rejects',
  layer: 'source',
  materialized: 'table',
  grain: 'one row per input line not loaded (file, line)',
  dependsOn: [],
  sql: () =>
    `select null::varchar as file, null::bigint as line, null::varchar as reason, null::varchar as raw_text where false`,
}
