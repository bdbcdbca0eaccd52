-- model:      ref_counties
-- layer:      seed (table)
-- grain:      one row per California county
-- depends on: (files)
create or replace table ref_counties as
select * from read_csv('data-contracts/reference/counties.csv', header=true, all_varchar=true);
comment on table ref_counties is 'one row per California county';
