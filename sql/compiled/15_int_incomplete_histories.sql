-- model:      int_incomplete_histories
-- layer:      intermediate (table)
-- grain:      one row per subject_id named by a rejected input line
-- depends on: ingest_rejects
create or replace table int_incomplete_histories as
select
  subject_id,
  count(*)::int as rejected_lines,
  array_to_string(list_slice(list(parse_filename(file) || ' line ' || coalesce(line::varchar, '?')
    order by file, line), 1, 10), ', ')
    || case when count(*) > 10 then ' and ' || (count(*) - 10) || ' more' else '' end
    as rejected_line_refs
from (select unnest(subject_ids) as subject_id, file, line from "ingest_rejects")
group by subject_id;
comment on table int_incomplete_histories is 'one row per subject_id named by a rejected input line';
