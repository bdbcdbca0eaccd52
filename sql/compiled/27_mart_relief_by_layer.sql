-- model:      mart_relief_by_layer
-- layer:      mart (table)
-- grain:      one row per layer (statute, final) x charge kind (prop64, related) x race group / gender / age band margin (or 'all') x outcome
-- depends on: count_determinations
create or replace table mart_relief_by_layer as
with labelled as (
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
  from "count_determinations")
select layer, charge_kind, race_group, gender, age_band, outcome, counts, people
from (
  select charge_kind, case when g_race_group = 1 then 'all' else race_group end as race_group, case when g_gender = 1 then 'all' else gender end as gender, case when g_age_band = 1 then 'all' else age_band end as age_band, g_race_group, g_gender, g_age_band,
    c.layer, c.outcome, c.outcome_ord, c.counts, c.people
  from (
    select charge_kind, race_group, gender, age_band, g_race_group, g_gender, g_age_band, unnest([{layer: 'statute', outcome: 'dismiss', outcome_ord: 0, counts: sum("n_statute_dismiss")::int, people: (count(*) filter (where "n_statute_dismiss" > 0))::int},
      {layer: 'statute', outcome: 'reduce', outcome_ord: 1, counts: sum("n_statute_reduce")::int, people: (count(*) filter (where "n_statute_reduce" > 0))::int},
      {layer: 'statute', outcome: 'review', outcome_ord: 2, counts: sum("n_statute_review")::int, people: (count(*) filter (where "n_statute_review" > 0))::int},
      {layer: 'statute', outcome: 'not_eligible', outcome_ord: 3, counts: sum("n_statute_not_eligible")::int, people: (count(*) filter (where "n_statute_not_eligible" > 0))::int},
      {layer: 'statute', outcome: 'relief', outcome_ord: 4, counts: sum("n_statute_relief")::int, people: (count(*) filter (where "n_statute_relief" > 0))::int},
      {layer: 'statute', outcome: 'all', outcome_ord: 5, counts: sum("n_all")::int, people: (count(*) filter (where "n_all" > 0))::int},
      {layer: 'final', outcome: 'dismiss', outcome_ord: 0, counts: sum("n_final_dismiss")::int, people: (count(*) filter (where "n_final_dismiss" > 0))::int},
      {layer: 'final', outcome: 'reduce', outcome_ord: 1, counts: sum("n_final_reduce")::int, people: (count(*) filter (where "n_final_reduce" > 0))::int},
      {layer: 'final', outcome: 'review', outcome_ord: 2, counts: sum("n_final_review")::int, people: (count(*) filter (where "n_final_review" > 0))::int},
      {layer: 'final', outcome: 'not_eligible', outcome_ord: 3, counts: sum("n_final_not_eligible")::int, people: (count(*) filter (where "n_final_not_eligible" > 0))::int},
      {layer: 'final', outcome: 'relief', outcome_ord: 4, counts: sum("n_final_relief")::int, people: (count(*) filter (where "n_final_relief" > 0))::int},
      {layer: 'final', outcome: 'all', outcome_ord: 5, counts: sum("n_all")::int, people: (count(*) filter (where "n_all" > 0))::int}]) as c
    from (
      select charge_kind, race_group, gender, age_band, grouping(race_group) as g_race_group, grouping(gender) as g_gender, grouping(age_band) as g_age_band,
        count(*) filter (where statute_determination = 'dismiss') as "n_statute_dismiss",
        count(*) filter (where statute_determination = 'reduce') as "n_statute_reduce",
        count(*) filter (where statute_determination = 'review') as "n_statute_review",
        count(*) filter (where statute_determination = 'not_eligible') as "n_statute_not_eligible",
        count(*) filter (where statute_determination in ('dismiss', 'reduce')) as "n_statute_relief",
        count(*) filter (where determination = 'dismiss') as "n_final_dismiss",
        count(*) filter (where determination = 'reduce') as "n_final_reduce",
        count(*) filter (where determination = 'review') as "n_final_review",
        count(*) filter (where determination = 'not_eligible') as "n_final_not_eligible",
        count(*) filter (where determination in ('dismiss', 'reduce')) as "n_final_relief",
        count(*) as "n_all"
      from labelled
      group by grouping sets ((charge_kind, race_group, subject_id), (charge_kind, gender, subject_id), (charge_kind, age_band, subject_id), (charge_kind, subject_id))
    ) per_person
    group by charge_kind, race_group, gender, age_band, g_race_group, g_gender, g_age_band
  ) cells
  where c.counts > 0)
order by layer desc, charge_kind desc, race_group = 'all' desc, race_group, gender = 'all' desc, gender, age_band = 'all' desc,
  age_band, outcome_ord;
comment on table mart_relief_by_layer is 'one row per layer (statute, final) x charge kind (prop64, related) x race group / gender / age band margin (or ''all'') x outcome';
