-- model:      mart_public_data_quality
-- layer:      mart (view)
-- grain:      one row per check ('review', 'missing', 'date_range', 'rejected') x item
-- depends on: mart_data_quality, ingest_rejects
create or replace view mart_public_data_quality as
select "check", item, detail, counts, people, first_date, last_date from "mart_data_quality"
union all
select 'rejected', split_part(reason, ':', 1), 'input lines not loaded (counts = lines)', count(*)::int,
  null::int, null::date, null::date
from "ingest_rejects" group by 2;
comment on view mart_public_data_quality is 'one row per check (''review'', ''missing'', ''date_range'', ''rejected'') x item';
