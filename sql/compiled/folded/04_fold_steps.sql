-- model:      fold_steps
-- layer:      source (temp view)
-- grain:      one row per DECEASED or REGISTRATION step line
-- depends on: (files)
create or replace temp view fold_steps as
select * from read_csv(['<fold dir>/fold_steps.csv'], header=true, auto_detect=false, delim=',', quote='"', escape='"', strict_mode=true, buffer_size=2097152, columns={'subject_id': 'VARCHAR', 'step_type': 'VARCHAR', 'step_date': 'DATE', 'charge_text': 'VARCHAR'});
comment on view fold_steps is 'one row per DECEASED or REGISTRATION step line';
