-- model:      ref_superstrike_sections
-- layer:      seed (table)
-- grain:      one row per code-section pattern listed in PC 667(e)(2)(C)(iv)
-- depends on: (files)
create or replace table ref_superstrike_sections as
select * from read_csv('data-contracts/reference/superstrike-sections.csv', header=true, all_varchar=true);
comment on table ref_superstrike_sections is 'one row per code-section pattern listed in PC 667(e)(2)(C)(iv)';
