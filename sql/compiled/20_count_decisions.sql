-- model:      count_decisions
-- layer:      determination (table)
-- grain:      one row per in-scope Prop 64 conviction count, plus related convictions the policy reaches (subject_id, cnt_order)
-- depends on: elig_statute_determinations, elig_policy_determinations, ref_race_codes, run_params
create or replace table count_decisions as
with decided as (
  -- Prop 64 counts: the statute row, with the policy's outcome and, where it changed it, the policy's rule.
  select
    -- The statute rule's citation and reason are left to count_determinations (by statute_rule_rank and the
    -- reason's detail).
    d.* exclude (statute_citation, statute_reason),
    p.determination,
    p.layer,
    coalesce(p.rule_id, d.statute_rule_id) as rule_id,
    p.citation,
    p.reason,
    coalesce(p.remedy, d.statute_remedy) as remedy,
    case when p.determination = 'reduce' then coalesce(p.reduced_level, d.statute_reduced_level) end
      as reduced_level,
    p.policy_name,
    p.is_related
  from "elig_statute_determinations" d
  join "elig_policy_determinations" p using (subject_id, cnt_order)
  union all by name
  -- Related charges the policy reaches carry their own facts.
  select * from "elig_policy_determinations" where is_related
)
select
  subject_id,
  cnt_order,
  county,
  court,
  case_number,
  strftime(conviction_date, '%Y-%m-%d') as conviction_date,
  code_section,
  conviction_level,
  statute_determination,
  determination,
  layer,
  rule_id,
  citation,
  reason,
  remedy,
  statute_rule_id,
  statute_rule_trail as rule_trail,
  strftime(offense_date, '%Y-%m-%d') as offense_date,
  age_at_offense,
  strftime(sentence_end_date, '%Y-%m-%d') as sentence_end_date,
  same_section_priors,
  array_to_string(prior_superstrike_sections, '; ') as prior_superstrike_sections,
  array_to_string(prior_pc290_sections, '; ') as prior_pc290_sections,
  prior_pc290_registration,
  deceased,
  gender,
  d.race_code,
  coalesce(r.population_group, 'unknown') as race_group,
  case when dob is not null and conviction_date >= dob then date_sub('year', dob, conviction_date) end as age_at_conviction,
  year(conviction_date) as conviction_year,
  policy_name as policy,
  -- A related charge (statute rule P64-SCOPE-01): a non-Prop 64 conviction the policy reaches.
  coalesce(is_related, false) as is_related,
  -- Appended last so the earlier columns keep their places for every reader.
  reduced_level,
  qualifier_text as qualifiers,
  case when charged_code_section is distinct from code_section then charged_code_section end
    as charged_code_section,
  age_source,
  -- What count_determinations gives the statute rule's texts from.
  statute_rule_rank,
  statute_reason_detail
from decided d
left join "ref_race_codes" r on r.race_code = d.race_code
where (select county_filter from "run_params") is null
   or county = (select county_filter from "run_params")
order by county, subject_id, cnt_order;
comment on table count_decisions is 'one row per in-scope Prop 64 conviction count, plus related convictions the policy reaches (subject_id, cnt_order)';
