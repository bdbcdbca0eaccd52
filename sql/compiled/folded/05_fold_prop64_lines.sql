-- model:      fold_prop64_lines
-- layer:      source (temp view)
-- grain:      one row per distinct (subject_id, cycle, convicted or not, charge id) whose text may name a Prop 64 section
-- depends on: (files)
create or replace temp view fold_prop64_lines as
select "subject_id"::VARCHAR as "subject_id", "cycle"::INTEGER as "cycle", "is_conviction"::BOOLEAN as "is_conviction", "charge_id"::BIGINT as "charge_id" from read_parquet(['<fold dir>/fold_prop64_lines.parquet']);
comment on view fold_prop64_lines is 'one row per distinct (subject_id, cycle, convicted or not, charge id) whose text may name a Prop 64 section';
