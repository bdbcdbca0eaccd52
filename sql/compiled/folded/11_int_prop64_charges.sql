-- model:      int_prop64_charges
-- layer:      intermediate (table)
-- grain:      one row per (subject_id, arrest cycle, convicted or not) with a Prop 64 charge
-- depends on: fold_prop64_lines, stg_charge_codes
create or replace table int_prop64_charges as
select s.subject_id, s.cycle, s.is_conviction, min(c.code_section) as code_section
from "fold_prop64_lines" s
join (select * from "stg_charge_codes" c where c.code_type = 'HS' and c.section in ('11357', '11358', '11359', '11360')) c on c.charge_id = s.charge_id
group by all;
comment on table int_prop64_charges is 'one row per (subject_id, arrest cycle, convicted or not) with a Prop 64 charge';
