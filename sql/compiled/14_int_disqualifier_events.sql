-- model:      int_disqualifier_events
-- layer:      intermediate (table)
-- grain:      one row per (subject, conviction or registration, kind) that can disqualify
-- depends on: int_convictions, ref_superstrike_sections, ref_pc290c_sections, int_subjects
-- rules:      P64-DQ-01, P64-DQ-02, P64-DQ-06
create or replace table int_disqualifier_events as
with sections as (
  select distinct code_section from "int_convictions" where code_section is not null
),
matched as (
  select s.code_section, 'superstrike' as kind, min(r.citation) as citation,
    bool_or(r.clause = '(IV)') as covers_attempts
  from sections s join "ref_superstrike_sections" r on regexp_matches(s.code_section, r.pattern)
  group by all
  union all
  select s.code_section, 'pc290c' as kind, min(r.citation) as citation, false
  from sections s join "ref_pc290c_sections" r on regexp_matches(s.code_section, r.pattern)
  group by all
)
select c.subject_id, c.conviction_date as event_date, m.kind, c.code_section, m.citation
from "int_convictions" c join matched m using (code_section)
where c.conviction_date is not null
  -- An attempt is a super-strike only under clause (IV) (attempted homicide); an attempted life offense is not
  -- punishable by life. PC 290(c) lists attempts of its offenses, so those count. Conspiracies never count here.
  and (not c.is_attempt or m.kind = 'pc290c' or m.covers_attempts)
  and not c.is_conspiracy
union all
select subject_id, conviction_date, 'court_ordered_registration', code_section, 'PC 290(a)(2)(E) (qualifier BB)'
from "int_convictions"
where has_registration_qualifier and conviction_date is not null
union all
select subject_id, pc290_registration_date, 'pc290_registration', 'PC 290', 'PC 290 registration step'
from "int_subjects"
where pc290_registration_date is not null;
comment on table int_disqualifier_events is 'one row per (subject, conviction or registration, kind) that can disqualify; rules: P64-DQ-01, P64-DQ-02, P64-DQ-06';
