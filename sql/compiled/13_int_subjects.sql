-- model:      int_subjects
-- layer:      intermediate (table)
-- grain:      one row per subject_id
-- depends on: stg_doj_rows
create or replace table int_subjects as
with lines as (
  select * from "stg_doj_rows" where subject_id is not null
),
facts as (
  select
    subject_id,
    min(name) as name, max(name) as name_max,
    min(cii_number) as cii_number, max(cii_number) as cii_max,
    min(gender) as gender, max(gender) as gender_max,
    min(race_code) as race_code, max(race_code) as race_max,
    -- A person's DOB should be one value; a history with only unreadable DOBs gets dob_status 'bad'.
    min(dob) as dob, max(dob) as dob_max,
    case when count(dob) > 0 then 'ok' when bool_or(dob_present) then 'bad' else 'missing' end as dob_status,
    coalesce(bool_or(step_type = 'DECEASED'), false) as deceased,
    min(step_date) filter (where step_type = 'DECEASED') as deceased_date,
    -- A PC 290 REGISTRATION step proves that some registrable conviction exists, not which or when; an
    -- undated one is kept as a fact of its own so it is never silently ignored.
    min(step_date) filter (where is_pc290_registration) as pc290_registration_date,
    coalesce(bool_or(is_pc290_registration), false) as pc290_registered,
    coalesce(bool_or(is_pc290_registration and step_date is null), false) as pc290_registration_undated,
    -- The county of the earliest conviction, dated by its DISP_DATE, else its step date.
    min({'day': coalesce(coalesce(disp_date, step_date), date '9999-12-31'), 'county': county}) filter (where is_conviction and county is not null).county as first_conviction_county
  from lines
  group by subject_id
),
disagreeing as (
  select subject_id from facts
  where name <> name_max or cii_number <> cii_max or gender <> gender_max or race_code <> race_max
    or dob <> dob_max
),
modes as (
  select subject_id, mode(name) as name, list_sort(list_distinct(list(name))) as names,
    mode(cii_number) as cii_number, mode(gender) as gender, mode(race_code) as race_code, mode(dob) as dob
  from lines semi join disagreeing using (subject_id)
  group by subject_id
)
select
  f.subject_id,
  coalesce(m.name, f.name) as name,
  coalesce(m.names, case when f.name is null then [] else [f.name] end) as names,
  coalesce(m.cii_number, f.cii_number) as cii_number,
  coalesce(m.gender, f.gender) as gender,
  coalesce(m.race_code, f.race_code) as race_code,
  coalesce(m.dob, f.dob) as dob,
  f.dob_status, f.deceased, f.deceased_date,
  f.pc290_registration_date, f.pc290_registered, f.pc290_registration_undated,
  f.first_conviction_county
from facts f
left join modes m using (subject_id);
comment on table int_subjects is 'one row per subject_id';
