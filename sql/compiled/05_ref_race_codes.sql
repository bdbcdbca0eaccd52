-- model:      ref_race_codes
-- layer:      seed (table)
-- grain:      one row per DOJ race code letter, with the Census population group it maps to
-- depends on: (files)
create or replace table ref_race_codes as
select * from read_csv('data-contracts/reference/race-codes.csv', header=true, all_varchar=true);
comment on table ref_race_codes is 'one row per DOJ race code letter, with the Census population group it maps to';
