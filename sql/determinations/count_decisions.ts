import { sql } from 'kysely'
import type { Model } from '../model.ts'
import { raw, ref } from '../helpers/model-sql.ts'
import { run_params } from '../seeds/run_params.ts'
import { ref_race_codes } from '../seeds/reference_tables.ts'
import { elig_statute_determinations } from './elig_statute_determinations.ts'
import { elig_policy_determinations } from './elig_policy_determinations.ts'
import { ageOn } from '../helpers/age.ts'
import { RELATED_CHARGE_RULE_ID } from '../../data-contracts/determinations.ts'
import { COUNT_DETERMINATIONS_ORDER } from '../../data-contracts/outputs/count-determinations.contract.ts'

/**
 * The decision per count, stored in the published order: the statute outcome beside the final one, which the DA
 * policy layer decides (elig_policy_determinations: layer 'policy' where the policy changed the outcome, else the
 * statute row unchanged). Related charges a policy dismisses appear as extra rows with statute_determination
 * not_eligible. `--county` limits rows to convictions in that county's courts; priors anywhere in the state were
 * already counted upstream.
 *
 * Where the statute rule decides, its citation and reason (100–400 bytes a row) are kept as the rule's rank and
 * the reason's detail; count_determinations, a view over this table, writes them out. citation and reason here
 * hold only the texts that are not a statute rule's: the policy's, a related charge's.
 */
export const count_decisions: Model = {
  name: 'count_decisions',
  layer: 'determination',
  materialized: 'table',
  // Stored in the files' order, so count_determinations.csv and .parquet are copied from it without a sort.
  orderedBy: COUNT_DETERMINATIONS_ORDER,
  // The database file keeps it as a view (its rows are in count_determinations.parquet too): copying them cost the
  // run about 1.9 CPU-s at 2M lines.
  persistAs: 'view',
  grain:
    'one row per in-scope Prop 64 conviction count, plus related convictions the policy reaches (subject_id, cnt_order)',
  sql: () => sql`
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
  from ${ref(elig_statute_determinations)} d
  join ${ref(elig_policy_determinations)} p using (subject_id, cnt_order)
  union all by name
  -- Related charges the policy reaches carry their own facts.
  select * from ${ref(elig_policy_determinations)} where is_related
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
  ${raw(ageOn('dob', 'conviction_date'))} as age_at_conviction,
  year(conviction_date) as conviction_year,
  policy_name as policy,
  -- A related charge (statute rule ${raw(RELATED_CHARGE_RULE_ID)}): a non-Prop 64 conviction the policy reaches.
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
left join ${ref(ref_race_codes)} r on r.race_code = d.race_code
where (select county_filter from ${ref(run_params)}) is null
   or county = (select county_filter from ${ref(run_params)})`,
}
