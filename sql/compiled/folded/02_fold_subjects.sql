-- model:      fold_subjects
-- layer:      source (temp view)
-- grain:      one row per subject_id: identity min (max where it differs), DOB status, first conviction county
-- depends on: (files)
create or replace temp view fold_subjects as
select "subject_id"::VARCHAR as "subject_id", "name"::VARCHAR as "name", "cii_number"::VARCHAR as "cii_number", "gender"::VARCHAR as "gender", "race_code"::VARCHAR as "race_code", "dob"::DATE as "dob", "dob_status"::VARCHAR as "dob_status", "first_conviction_county"::VARCHAR as "first_conviction_county", "disagreeing"::BOOLEAN as "disagreeing" from read_parquet(['<fold dir>/fold_subjects.parquet']);
comment on view fold_subjects is 'one row per subject_id: identity min (max where it differs), DOB status, first conviction county';
