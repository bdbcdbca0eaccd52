-- model:      int_prop64_charges
-- layer:      intermediate (table)
-- grain:      one row per (subject_id, arrest cycle, convicted or not) with a Prop 64 charge
-- depends on: stg_doj_rows, stg_charge_codes
create or replace table int_prop64_charges as
select s.subject_id, coalesce(try_cast(s.cyc_order as integer), try_cast(left(s.cnt_order, 3) as integer)) as cycle, s.is_conviction, min(c.code_section) as code_section
from "stg_doj_rows" s
-- The few Prop 64 texts first: the lines are then matched against a small table.
join (select * from "stg_charge_codes" c where c.code_type = 'HS' and c.section in ('11357', '11358', '11359', '11360')) c on c.charge_text = s.charge_text
where s.subject_id is not null
group by all;
comment on table int_prop64_charges is 'one row per (subject_id, arrest cycle, convicted or not) with a Prop 64 charge';
