-- model:      ref_county_population
-- layer:      seed (table)
-- grain:      one row per county: 2020 Census population by race and ethnicity
-- depends on: (files)
create or replace table ref_county_population as
select * from read_csv('data-contracts/reference/ca-county-population-2020.csv', header=true, all_varchar=true);
comment on table ref_county_population is 'one row per county: 2020 Census population by race and ethnicity';
