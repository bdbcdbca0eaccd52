-- model:      mart_explain_subjects
-- layer:      mart (view)
-- grain:      one row per person in the extract (subject_id)
-- depends on: int_subjects
create or replace view mart_explain_subjects as
select subject_id, strftime(dob, '%Y-%m-%d') as dob, dob_status, deceased from "int_subjects";
comment on view mart_explain_subjects is 'one row per person in the extract (subject_id)';
