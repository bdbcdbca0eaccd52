-- model:      ref_offense_codes
-- layer:      seed (table)
-- grain:      one row per CJIS cannabis offense code, with the dates its subsection meaning was in force
-- depends on: (files)
create or replace table ref_offense_codes as
select * from read_csv('data-contracts/reference/cannabis-offense-codes.csv', header=true, all_varchar=true);
comment on table ref_offense_codes is 'one row per CJIS cannabis offense code, with the dates its subsection meaning was in force';
