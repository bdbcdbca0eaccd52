-- model:      run_params
-- layer:      seed (table)
-- grain:      one row per run
-- depends on: (files)
create or replace table run_params as
select date '2026-01-01' as as_of_date, null::varchar as county_filter, 'statute' as policy_name;
comment on table run_params is 'one row per run';
