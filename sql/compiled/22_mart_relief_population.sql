-- model:      mart_relief_population
-- layer:      mart (table)
-- grain:      one row per Census population group ('all', hispanic, white_nh, black_nh, asian_nh, other_nh)
-- depends on: run_params, count_determinations, ref_county_population
create or replace table mart_relief_population as
with run_counties as (
  select county_filter as county from "run_params" where county_filter is not null
  union
  select distinct county from "count_determinations" where (select county_filter from "run_params") is null
),
pop as (
  select p.* from "ref_county_population" p join run_counties c on c.county = p.county
),
wide as (
  select
    count(*)::int as counties,
    coalesce(sum(total::bigint), 0)::int as all_residents,
    coalesce(sum(adult_total::bigint), 0)::int as all_adults,
    coalesce(sum(hispanic::bigint), 0)::int as hispanic_residents,
    coalesce(sum(adult_hispanic::bigint), 0)::int as hispanic_adults,
    coalesce(sum(white_nh::bigint), 0)::int as white_nh_residents,
    coalesce(sum(adult_white_nh::bigint), 0)::int as white_nh_adults,
    coalesce(sum(black_nh::bigint), 0)::int as black_nh_residents,
    coalesce(sum(adult_black_nh::bigint), 0)::int as black_nh_adults,
    coalesce(sum(asian_nh::bigint), 0)::int as asian_nh_residents,
    coalesce(sum(adult_asian_nh::bigint), 0)::int as asian_nh_adults,
    coalesce(sum(other_nh::bigint), 0)::int as other_nh_residents,
    coalesce(sum(adult_other_nh::bigint), 0)::int as other_nh_adults
  from pop
)
select g.population_group, g.ord, w.counties,
  (case g.population_group
    when 'all' then all_residents when 'hispanic' then hispanic_residents when 'white_nh' then white_nh_residents
    when 'black_nh' then black_nh_residents when 'asian_nh' then asian_nh_residents else other_nh_residents end)::int
    as residents,
  (case g.population_group
    when 'all' then all_adults when 'hispanic' then hispanic_adults when 'white_nh' then white_nh_adults
    when 'black_nh' then black_nh_adults when 'asian_nh' then asian_nh_adults else other_nh_adults end)::int
    as adults
from wide w,
  (values ('all', 0), ('hispanic', 1), ('white_nh', 2), ('black_nh', 3), ('asian_nh', 4), ('other_nh', 5))
    g(population_group, ord)
order by g.ord;
comment on table mart_relief_population is 'one row per Census population group (''all'', hispanic, white_nh, black_nh, asian_nh, other_nh)';
