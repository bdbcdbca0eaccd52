import { sql } from 'kysely'
import type { Model } from '../model.ts'
import { raw, ref } from '../helpers/model-sql.ts'
import { stg_doj_rows } from './stg_doj_rows.ts'
import { DOJ_COLUMN_NAMES } from '../../data-contracts/doj-extract.contract.ts'

/** Where DuckDB's reader puts the lines it could not read (read_csv store_rejects, see pipelines/ingest). */
export const REJECT_ERRORS_TABLE = 'ingest_reject_errors'
export const REJECT_SCANS_TABLE = 'ingest_reject_scans'

/**
 * Raw text kept per rejected line: enough to find and fix it, bounded so one huge line cannot bloat outputs. It is
 * also what DuckDB keeps of a rejected line (csv_line is cut at 10,000 characters).
 */
export const REJECT_TEXT_CHARS = 10_000

// SUBJECT_ID's position in the contract: the reader's columns are not trusted on a bad line, the text is.
const SUBJECT_FIELD = DOJ_COLUMN_NAMES.indexOf('SUBJECT_ID')
const FIELD = `(?:"(?:[^"]|"")*"|[^,"\\r\\n]*)`
const SUBJECT_RE = `^(?:${FIELD},){${SUBJECT_FIELD}}"?([^,"\\r\\n]*)"?(?:,|$)`

/**
 * Every line of the input the reader did not load, one row per line: file, line number, the first error in
 * column order, the raw text (NUL bytes removed, cut to REJECT_TEXT_CHARS) and, where the text still has its
 * third field, the SUBJECT_ID it names. A rejected record can span lines (an unterminated quote swallows the
 * next line, often another person's): subject_ids lists the SUBJECT_ID of every line of its text. Built right
 * after the scan, so the intermediate models know whose history is incomplete (int_incomplete_histories).
 * A line whose subject cannot be read has subject_id null and names nobody.
 * The line number is the reader's; the run replaces it with the physical line where a quoted field spanned
 * lines before it (pipelines/ingest/reconcile.ts).
 */
export const ingest_rejects: Model = {
  name: 'ingest_rejects',
  layer: 'staging',
  materialized: 'table',
  grain: 'one row per input line not loaded (file, line)',
  // The reject tables are not models (the reader writes them), so they stay raw names. The scan that fills them
  // is the build of stg_doj_rows: the ref() in the comment makes that order a declared dependency.
  sql: () => sql`
-- The reader fills the reject tables while it builds ${ref(stg_doj_rows)}.
with errors as (
  select s.file_path as file, e.line,
    -- One reader error per failing column: keep the first in column order (a too-long line has no column).
    arg_min(e.error_type || ': ' || e.error_message, coalesce(e.column_idx, -1)) as reason,
    replace(arg_min(e.csv_line, coalesce(e.column_idx, -1)), chr(0), '') as text
  from ${raw(REJECT_ERRORS_TABLE)} e join ${raw(REJECT_SCANS_TABLE)} s using (scan_id, file_id)
  group by s.file_path, e.line
)
select
  file,
  line::bigint as line,
  -- DuckDB's reader itself cuts csv_line at 10,000 characters (duckdb/duckdb#18980): a text that long is the start.
  reason || case when length(text) >= ${raw(String(REJECT_TEXT_CHARS))} or reason like 'LINE SIZE OVER MAXIMUM%'
    then ' (raw_text is the start of the line)' else '' end as reason,
  left(text, ${raw(String(REJECT_TEXT_CHARS))}) as raw_text,
  nullif(trim(regexp_extract(ltrim(text, chr(10) || chr(13)), ${raw(`'${SUBJECT_RE}'`)}, 1)), '') as subject_id,
  list_distinct(list_filter(list_transform(string_split_regex(text, '\r\n|\r|\n'),
    l -> nullif(trim(regexp_extract(l, ${raw(`'${SUBJECT_RE}'`)}, 1)), '')), s -> s is not null)) as subject_ids
from errors`,
}
