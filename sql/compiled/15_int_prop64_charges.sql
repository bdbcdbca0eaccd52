-- model:      int_prop64_charges
-- layer:      intermediate (table)
-- grain:      one row per (subject_id, arrest cycle, convicted or not) with a Prop 64 charge
-- depends on: stg_doj_rows
create or replace table int_prop64_charges as
select s.subject_id, coalesce(try_cast(s.cyc_order as integer), try_cast(left(s.cnt_order, 3) as integer)) as cycle, s.is_conviction, min(s.code_section) as code_section
from "stg_doj_rows" s
where s.code_type = 'HS' and s.section in ('11357', '11358', '11359', '11360') and s.subject_id is not null
group by all;
comment on table int_prop64_charges is 'one row per (subject_id, arrest cycle, convicted or not) with a Prop 64 charge';
