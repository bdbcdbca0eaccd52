-- model:      mart_data_quality
-- layer:      mart (table)
-- grain:      one row per check ('review', 'incomplete_history', 'missing', 'date_range') x item (rule id, field, or 'all')
-- depends on: count_determinations, ref_counties
create or replace table mart_data_quality as
with cd as (select * from "count_determinations" where not coalesce(is_related, false)),
review as (
  select 'review' as "check",
    case when grouping(rule_id) = 1 then 'all' else rule_id end as item,
    case when grouping(rule_id) = 1 then 'every count the rules could not decide' else min(reason) end
      as detail,
    count(*)::int as counts, count(distinct subject_id)::int as people,
    null::date as first_date, null::date as last_date
  from cd where determination = 'review'
  group by grouping sets ((rule_id), ())
  having count(*) > 0
),
flags as (
  select subject_id,
    conviction_date is null as conviction_date,
    age_at_conviction is null as age_at_conviction,
    coalesce(race_group, 'unknown') = 'unknown' as race_group,
    coalesce(gender, '') not in ('M', 'F') as gender,
    county is null or county not in (select county from "ref_counties") as county
  from cd
),
flags_long as (
  unpivot flags on conviction_date, age_at_conviction, race_group, gender, county into name item value flag
),
missing as (
  select 'missing' as "check", m.item, m.detail,
    count(l.subject_id)::int as counts, count(distinct l.subject_id)::int as people,
    null::date as first_date, null::date as last_date
  from (values
    ('conviction_date', 'conviction date missing or not a real date', 1),
    ('age_at_conviction', 'date of birth missing or after the conviction date', 2),
    ('race_group', 'race code missing, X (unknown) or not in the DOJ code list', 3),
    ('gender', 'gender missing or other than M or F', 4),
    ('county', 'county of conviction not one of the 58 California counties', 5)
  ) m(item, detail, ord)
  left join flags_long l on l.item = m.item and l.flag
  group by m.item, m.detail, m.ord
),
incomplete as (
  -- Counts the statute layer could not decide because a line of the person's record was rejected at ingest.
  select 'incomplete_history' as "check", 'P64-DATA-04' as item,
    'people with a rejected input line: every Prop 64 count sent to review' as detail,
    count(*)::int as counts, count(distinct subject_id)::int as people,
    null::date as first_date, null::date as last_date
  from cd where statute_rule_id = 'P64-DATA-04'
),
dates as (
  select 'date_range' as "check", 'conviction_date' as item,
    'earliest and latest conviction date of the in-scope counts' as detail,
    count(conviction_date)::int as counts,
    (count(distinct subject_id) filter (where conviction_date is not null))::int as people,
    min(conviction_date)::date as first_date, max(conviction_date)::date as last_date
  from cd
)
select * from (
  select * from review
  union all by name select * from incomplete
  union all by name select * from missing
  union all by name select * from dates
)
order by "check" = 'review' desc, "check", item = 'all' desc, counts desc, item;
comment on table mart_data_quality is 'one row per check (''review'', ''incomplete_history'', ''missing'', ''date_range'') x item (rule id, field, or ''all'')';
