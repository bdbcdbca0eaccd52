-- model:      mart_relief_by_county
-- layer:      mart (table)
-- grain:      one row per county (or 'all') x outcome (dismiss, reduce, review, not_eligible, relief, all)
-- depends on: ref_counties, count_determinations, run_params, ref_county_population, mart_relief_population
create or replace table mart_relief_by_county as
with labelled as (select * replace (case when county in (select county from "ref_counties") then county else 'Unknown county' end as county) from (
  select
    subject_id,
    case when is_related then 'related' else 'prop64' end as charge_kind,
    coalesce(county, 'unknown') as county,
    coalesce(conviction_year::varchar, 'unknown') as conviction_year,
    coalesce(code_section, 'unknown') as code_section,
    coalesce(conviction_level, 'unknown') as conviction_level,
    coalesce(race_group, 'unknown') as race_group,
    case gender when 'M' then 'male' when 'F' then 'female' else 'unknown' end as gender,
    case
    when age_at_conviction is null then 'unknown' when age_at_conviction < 18 then 'under 18' when age_at_conviction < 21 then '18-20'
    when age_at_conviction < 25 then '21-24' when age_at_conviction < 35 then '25-34' when age_at_conviction < 45 then '35-44'
    when age_at_conviction < 55 then '45-54' else '55+' end as age_band,
    statute_determination,
    determination
  from "count_determinations"
  where not coalesce(is_related, false))),
agg as (
  select county, outcome, counts, people
  from (
  select case when g_county = 1 then 'all' else county end as county, g_county,
    c.outcome, c.outcome_ord, c.counts, c.people
  from (
    select county, g_county, unnest([{outcome: 'dismiss', outcome_ord: 0, counts: sum("n_dismiss")::int, people: (count(*) filter (where "n_dismiss" > 0))::int},
      {outcome: 'reduce', outcome_ord: 1, counts: sum("n_reduce")::int, people: (count(*) filter (where "n_reduce" > 0))::int},
      {outcome: 'review', outcome_ord: 2, counts: sum("n_review")::int, people: (count(*) filter (where "n_review" > 0))::int},
      {outcome: 'not_eligible', outcome_ord: 3, counts: sum("n_not_eligible")::int, people: (count(*) filter (where "n_not_eligible" > 0))::int},
      {outcome: 'relief', outcome_ord: 4, counts: sum("n_relief")::int, people: (count(*) filter (where "n_relief" > 0))::int},
      {outcome: 'all', outcome_ord: 5, counts: sum("n_all")::int, people: (count(*) filter (where "n_all" > 0))::int}]) as c
    from (
      select county, grouping(county) as g_county,
        count(*) filter (where determination = 'dismiss') as "n_dismiss",
        count(*) filter (where determination = 'reduce') as "n_reduce",
        count(*) filter (where determination = 'review') as "n_review",
        count(*) filter (where determination = 'not_eligible') as "n_not_eligible",
        count(*) filter (where determination in ('dismiss', 'reduce')) as "n_relief",
        count(*) as "n_all"
      from labelled
      group by grouping sets ((county, subject_id), (subject_id))
    ) per_person
    group by county, g_county
  ) cells
  where c.counts > 0)
),
counties as (
  select county_code, county, fips from "ref_counties"
  where (select county_filter from "run_params") is null or county = (select county_filter from "run_params")
  union all
  select distinct null, county, null from labelled where county not in (select county from "ref_counties")
  union all
  select null, 'all', null
),
residents as (
  select county, total::int as residents from "ref_county_population"
  union all
  select 'all', residents from "mart_relief_population" where population_group = 'all'
)
select
  c.county_code,
  c.county,
  c.fips,
  o.outcome,
  coalesce(a.counts, 0)::int as counts,
  coalesce(a.people, 0)::int as people,
  r.residents,
  round(coalesce(a.counts, 0) * 100000.0 / nullif(r.residents, 0), 2)::double as counts_per_100k,
  round(coalesce(a.people, 0) * 100000.0 / nullif(r.residents, 0), 2)::double as people_per_100k
from counties c
cross join (values ('dismiss', 0), ('reduce', 1), ('review', 2), ('not_eligible', 3), ('relief', 4), ('all', 5)) o(outcome, outcome_ord)
left join agg a on a.county = c.county and a.outcome = o.outcome
left join residents r on r.county = c.county
order by c.county = 'all' desc, c.county, o.outcome_ord;
comment on table mart_relief_by_county is 'one row per county (or ''all'') x outcome (dismiss, reduce, review, not_eligible, relief, all)';
