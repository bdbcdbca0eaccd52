-- model:      ref_pc290c_sections
-- layer:      seed (table)
-- grain:      one row per code-section pattern requiring registration under PC 290(c)
-- depends on: (files)
create or replace table ref_pc290c_sections as
select * from read_csv('data-contracts/reference/pc290c-sections.csv', header=true, all_varchar=true);
comment on table ref_pc290c_sections is 'one row per code-section pattern requiring registration under PC 290(c)';
