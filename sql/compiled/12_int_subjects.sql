-- model:      int_subjects
-- layer:      intermediate (table)
-- grain:      one row per subject_id
-- depends on: stg_doj_rows
create or replace table int_subjects as
select
  subject_id,
  mode(name) as name,
  list_sort(list_distinct(list(name))) as names,
  mode(cii_number) as cii_number,
  mode(gender) as gender,
  mode(race_code) as race_code,
  -- A person's DOB should be one value; a history with only unreadable DOBs gets dob_status 'bad'.
  mode(dob) as dob,
  case when count(dob) > 0 then 'ok' when bool_or(dob_present) then 'bad' else 'missing' end as dob_status,
  coalesce(bool_or(step_type = 'DECEASED'), false) as deceased,
  min(step_date) filter (where step_type = 'DECEASED') as deceased_date,
  -- A PC 290 REGISTRATION step proves that some registrable conviction exists, not which or when; an
  -- undated one is kept as a fact of its own so it is never silently ignored.
  min(step_date) filter (where step_type = 'REGISTRATION' and section = '290') as pc290_registration_date,
  coalesce(bool_or(step_type = 'REGISTRATION' and section = '290'), false) as pc290_registered,
  coalesce(bool_or(step_type = 'REGISTRATION' and section = '290' and step_date is null), false)
    as pc290_registration_undated,
  min(county) filter (where is_conviction) as first_conviction_county
from stg_doj_rows
where subject_id is not null
group by subject_id;
comment on table int_subjects is 'one row per subject_id';
