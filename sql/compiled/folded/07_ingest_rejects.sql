-- model:      ingest_rejects
-- layer:      staging (table)
-- grain:      one row per input line not loaded (file, line)
-- depends on: (files)
create or replace table ingest_rejects as
select null::varchar as file, null::bigint as line, null::varchar as reason, null::varchar as raw_text,
  null::varchar as subject_id, null::varchar[] as subject_ids
where false;
comment on table ingest_rejects is 'one row per input line not loaded (file, line)';
