-- model:      int_subjects
-- layer:      intermediate (table)
-- grain:      one row per subject_id
-- depends on: fold_steps, fold_identities, fold_subjects
create or replace table int_subjects as
with steps as (
  select subject_id,
    bool_or(step_type = 'DECEASED') as deceased,
    min(step_date) filter (where step_type = 'DECEASED') as deceased_date,
    min(step_date) filter (where is_pc290_registration) as pc290_registration_date,
    bool_or(is_pc290_registration) as pc290_registered,
    bool_or(is_pc290_registration and step_date is null) as pc290_registration_undated
  from (
    select *, case when step_type = 'REGISTRATION' then nullif(replace(regexp_extract(charge_text, '^\s*(?:(664|182)[^/]*/\s*)?([0-9]+(?:\.[0-9]+)?(?: ?[A-Z]{1,2})?)\s*((?:\([0-9A-Z]+\))*)\s*([A-Z]{2,3})\b', 2), ' ', ''), '') = '290' else false end
      as is_pc290_registration
    from "fold_steps"
  )
  group by subject_id
),
lines as (
  -- Each identity once per line that carries it.
  select * exclude (lines, line) from (select *, unnest(range(lines)) as line from "fold_identities")
),
modes as (
  select subject_id, mode(name) as name, list_sort(list_distinct(list(name))) as names,
    mode(cii_number) as cii_number, mode(gender) as gender, mode(race_code) as race_code, mode(dob) as dob
  from lines
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
  f.dob_status,
  coalesce(s.deceased, false) as deceased,
  s.deceased_date,
  s.pc290_registration_date,
  coalesce(s.pc290_registered, false) as pc290_registered,
  coalesce(s.pc290_registration_undated, false) as pc290_registration_undated,
  f.first_conviction_county
from "fold_subjects" f
left join modes m using (subject_id)
left join steps s using (subject_id);
comment on table int_subjects is 'one row per subject_id';
