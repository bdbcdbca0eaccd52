-- model:      fold_subjects
-- layer:      source (temp view)
-- grain:      one row per subject_id: identity min (max where it differs), DOB status, first conviction county
-- depends on: (files)
create or replace temp view fold_subjects as
select * from read_csv(['<fold dir>/fold_subjects.csv'], header=true, auto_detect=false, delim=',', quote='"', escape='"', strict_mode=true, buffer_size=2097152, columns={'subject_id': 'VARCHAR', 'name': 'VARCHAR', 'cii_number': 'VARCHAR', 'gender': 'VARCHAR', 'race_code': 'VARCHAR', 'dob': 'DATE', 'dob_status': 'VARCHAR', 'first_conviction_county': 'VARCHAR', 'disagreeing': 'BOOLEAN'});
comment on view fold_subjects is 'one row per subject_id: identity min (max where it differs), DOB status, first conviction county';
