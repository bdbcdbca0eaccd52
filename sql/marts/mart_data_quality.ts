import type { Model } from '../model.ts'
import { LABELLED_COUNTS } from './mart_relief_outcomes.ts'

/**
 * What limits the determinations: counts sent to review and the rule that sent them, fields the extract
 * left empty, and the span of conviction dates. Rejected input lines are added by the report from
 * ingest_rejects, which is written after the models.
 */
export const mart_data_quality: Model = {
  name: 'mart_data_quality',
  layer: 'mart',
  materialized: 'table',
  grain: "one row per check ('review', 'missing', 'date_range') x item (rule id, field or 'all')",
  dependsOn: ['count_determinations', 'ref_counties'],
  sql: () => `
with labelled as (${LABELLED_COUNTS}),
cd as (select * from count_determinations),
review as (
  select 'review' as "check",
    case when grouping(rule_id) = 1 then 'all' else rule_id end as item,
    case when grouping(rule_id) = 1 then 'every count the rules could not decide' else any_value(reason) end
      as detail,
    count(*)::int as counts, count(distinct subject_id)::int as people,
    null::date as first_date, null::date as last_date
  from cd where determination = 'review'
  group by grouping sets ((rule_id), ())
  having count(*) > 0
),
missing as (
  select 'missing' as "check", m.item, m.detail, count(l.subject_id)::int as counts,
    count(distinct l.subject_id)::int as people, null::date, null::date
  from (values
    ('conviction_date', 'conviction date missing or not a real date', 1),
    ('age_at_conviction', 'date of birth missing or after the conviction date', 2),
    ('race_group', 'race code missing or not in the DOJ code list', 3),
    ('gender', 'gender missing or not M/F', 4),
    ('county', 'county of conviction not one of the 58 California counties', 5)
  ) m(item, detail, ord)
  left join (
    select l.*, cd.conviction_date, cd.age_at_conviction
    from labelled l join cd using (subject_id, county, code_section)
  ) l on false
  group by all
),
dates as (
  select 'date_range', 'conviction_date', 'earliest and latest conviction date of the in-scope counts',
    count(conviction_date)::int, count(distinct subject_id) filter (where conviction_date is not null)::int,
    min(conviction_date)::date, max(conviction_date)::date
  from cd
)
select * from review
union all select * from missing
union all select * from dates
order by "check" = 'review' desc, "check", item = 'all' desc, counts desc, item`,
}
