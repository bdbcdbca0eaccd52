-- model:      mart_explain_counts
-- layer:      mart (view)
-- grain:      one row per decided count (subject_id, cnt_order), as count_determinations
-- depends on: count_determinations, elig_policy_determinations
create or replace view mart_explain_counts as
select c.* exclude (is_related), p.is_related, p.policy_reach, p.policy_outcome, p.policy_rule_id,
  p.policy_citation, array_to_string(p.policy_rule_trail, ' > ') as policy_trail
from "count_determinations" c
join "elig_policy_determinations" p using (subject_id, cnt_order);
comment on view mart_explain_counts is 'one row per decided count (subject_id, cnt_order), as count_determinations';
