-- model:      fold_prop64_lines
-- layer:      source (temp view)
-- grain:      one row per distinct (subject_id, cycle, convicted or not, charge id) whose text may name a Prop 64 section
-- depends on: (files)
create or replace temp view fold_prop64_lines as
select * from read_csv(['<fold dir>/fold_prop64_lines.csv'], header=true, auto_detect=false, delim=',', quote='"', escape='"', strict_mode=true, buffer_size=2097152, columns={'subject_id': 'VARCHAR', 'cycle': 'INTEGER', 'is_conviction': 'BOOLEAN', 'charge_id': 'BIGINT'});
comment on view fold_prop64_lines is 'one row per distinct (subject_id, cycle, convicted or not, charge id) whose text may name a Prop 64 section';
