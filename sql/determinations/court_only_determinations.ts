import { sql } from 'kysely'
import type { Model } from '../model.ts'
import { ref } from '../helpers/model-sql.ts'
import { court_statute_determinations } from './court_statute_determinations.ts'
import { court_policy_determinations } from './court_policy_determinations.ts'

/**
 * restricted/reconcile/court_only.csv: every court-only cannabis conviction with the statute outcome beside the
 * final one, in count_determinations' words, plus where it came from (court file and line) and why it is
 * court-only (the DOJ has the case but not this count, or not the case at all).
 */
export const court_only_determinations: Model = {
  name: 'court_only_determinations',
  layer: 'determination',
  materialized: 'table',
  grain: 'one row per court-only cannabis conviction (subject_id, cnt_order)',
  sql: () => sql`
select
  d.source_file as court_file,
  d.line as court_line,
  d.county,
  d.court,
  d.case_number as court_case_number,
  d.court_name as defendant_name,
  strftime(d.court_dob, '%Y-%m-%d') as dob,
  d.subject_id,
  d.doj_history_known,
  d.case_known_to_doj,
  strftime(d.conviction_date, '%Y-%m-%d') as conviction_date,
  strftime(d.offense_date, '%Y-%m-%d') as offense_date,
  d.code_section,
  d.conviction_level,
  d.statute_determination,
  p.determination,
  p.layer,
  coalesce(p.rule_id, d.statute_rule_id) as rule_id,
  coalesce(p.citation, d.statute_citation) as citation,
  coalesce(p.reason, d.statute_reason) as reason,
  coalesce(p.remedy, d.statute_remedy) as remedy,
  d.statute_rule_id,
  d.statute_rule_trail as rule_trail,
  d.age_at_offense,
  strftime(d.sentence_end_date, '%Y-%m-%d') as sentence_end_date,
  year(d.conviction_date) as conviction_year,
  p.policy_name as policy,
  -- What a reduce asks for, as in count_determinations (the motions print it); appended, so earlier columns keep
  -- their places in court_only.csv.
  case when p.determination = 'reduce' then coalesce(p.reduced_level, d.statute_reduced_level) end
    as reduced_level,
  d.file_index,
  d.record
from ${ref(court_statute_determinations)} d
join ${ref(court_policy_determinations)} p using (subject_id, cnt_order)`,
}
