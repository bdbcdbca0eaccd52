-- model:      ingest_rejects
-- layer:      staging (table)
-- grain:      one row per input line not loaded (file, line)
-- depends on: stg_doj_rows
create or replace table ingest_rejects as
-- The reader fills the reject tables while it builds "stg_doj_rows".
with errors as (
  select s.file_path as file, e.line,
    -- One reader error per failing column: keep the first in column order (a too-long line has no column).
    arg_min(e.error_type || ': ' || e.error_message, coalesce(e.column_idx, -1)) as reason,
    replace(arg_min(e.csv_line, coalesce(e.column_idx, -1)), chr(0), '') as text
  from ingest_reject_errors e join ingest_reject_scans s using (scan_id, file_id)
  group by s.file_path, e.line
)
select
  file,
  line::bigint as line,
  -- DuckDB's reader itself cuts csv_line at 10,000 characters (duckdb/duckdb#18980): a text that long is the start.
  reason || case when length(text) >= 10000 or reason like 'LINE SIZE OVER MAXIMUM%'
    then ' (raw_text is the start of the line)' else '' end as reason,
  left(text, 10000) as raw_text,
  nullif(trim(regexp_extract(ltrim(text, chr(10) || chr(13)), '^(?:(?:"(?:[^"]|"")*"|[^,"\r\n]*),){2}"?([^,"\r\n]*)"?(?:,|$)', 1)), '') as subject_id,
  list_distinct(list_filter(list_transform(string_split_regex(text, '
||
'),
    l -> nullif(trim(regexp_extract(l, '^(?:(?:"(?:[^"]|"")*"|[^,"\r\n]*),){2}"?([^,"\r\n]*)"?(?:,|$)', 1)), '')), s -> s is not null)) as subject_ids
from errors;
comment on table ingest_rejects is 'one row per input line not loaded (file, line)';
