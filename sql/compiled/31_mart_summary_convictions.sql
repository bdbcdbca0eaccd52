-- model:      mart_summary_convictions
-- layer:      mart (view)
-- grain:      one row per area (statewide or county) x dimension ('all', 'determination', 'relief') x value
-- depends on: ref_counties, count_determinations
create or replace view mart_summary_convictions as
with counts as (select * replace (case when county in (select county from "ref_counties") then county else 'Unknown county' end as county) from "count_determinations")
select grouping(county) = 1 as statewide, county, 'all' as dim, 'all' as value,
  count(*)::int as convictions, count(distinct subject_id)::int as people
from counts group by grouping sets ((), (county))
union all
select grouping(county) = 1, county, 'determination', determination, count(*)::int, count(distinct subject_id)::int
from counts group by grouping sets ((determination), (county, determination))
union all
select grouping(county) = 1, county, 'relief', remedy, count(*)::int, count(distinct subject_id)::int
from counts group by grouping sets ((remedy), (county, remedy));
comment on view mart_summary_convictions is 'one row per area (statewide or county) x dimension (''all'', ''determination'', ''relief'') x value';
