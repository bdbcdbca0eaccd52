import { sql } from 'kysely'
import type { Model } from '../model.ts'
import { raw, ref } from '../helpers/model-sql.ts'
import { count_determinations } from '../determinations/count_determinations.ts'
import { int_convictions } from '../intermediate/int_convictions.ts'
import { int_subjects } from '../intermediate/int_subjects.ts'
import { remedyRank } from '../helpers/remedy.ts'
import { caseSectionsText, caseTextAggregates } from '../helpers/motion-case-text.ts'

/**
 * The rows of the motion lists: one per court case and relief, gathered from the final determination of
 * every count (count_determinations) and the person's identity (int_subjects).
 *
 * A "court case" is (subject_id, case number). A count with no case number is grouped with the counts of
 * the same arrest cycle convicted on the same date (else it stands alone), so unnumbered cases of different
 * events never merge. One case whose counts get different reliefs appears once in each schedule, listing
 * only the counts that schedule asks about. `motion_order` is the order the motions are read in (county,
 * court, schedule, case); a view, so it is computed when the motions are written, not on every run.
 */

export const mart_motion_cases: Model = {
  name: 'mart_motion_cases',
  layer: 'mart',
  materialized: 'view',
  grain:
    'one row per court case (subject_id, case number) x remedy x determination x reduced level x layer x related',
  sql: () => sql`
with counts as (
  -- Only a count with no case number needs its arrest cycle (int_convictions) for its case key.
  select
    d.county, d.court, d.remedy, d.determination, d.reduced_level, d.layer, d.is_related, d.subject_id,
    d.case_number, d.cnt_order, d.conviction_date, d.code_section, d.rule_id, d.reason,
    '#' || d.case_number as case_key
  from ${ref(count_determinations)} d
  where d.case_number is not null
  union all
  select
    d.county, d.court, d.remedy, d.determination, d.reduced_level, d.layer, d.is_related, d.subject_id,
    d.case_number, d.cnt_order, d.conviction_date, d.code_section, d.rule_id, d.reason,
    coalesce('@' || i.cyc_order || '/' || coalesce(d.conviction_date, ''), '!' || d.cnt_order) as case_key
  from ${ref(count_determinations)} d
  left join ${ref(int_convictions)} i on i.subject_id = d.subject_id and i.cnt_order = d.cnt_order
  where d.case_number is null
),
-- A case's counts share one hash of its key: grouping by that integer is cheap, where a GROUP BY of the nine
-- text keys with min() of the long reasons cost seconds. Most cases have one count and pass straight through;
-- only the cases with several counts (a tenth) go through list() aggregates, grouped by their real keys. Two
-- cases whose keys collide in the hash both take the list path, which still keeps them apart.
keyed as (
  select
    *,
    hash(county, court, remedy, determination, reduced_level, layer, is_related, subject_id, case_key) as k
  from counts
),
sizes as (
  select k, count(*)::int as n from keyed group by k
),
multi as (
  select
    c.county, c.court, c.remedy, c.determination, c.reduced_level, c.layer, c.is_related, c.subject_id,
    c.case_key,
    any_value(c.case_number) as case_number,
    count(*)::int as counts,
    list_sort(list(c.code_section)) as sections,
    array_to_string(list_sort(list(c.cnt_order)), '; ') as count_orders,
    ${raw(caseTextAggregates('c.'))}
  from keyed c
  semi join (select k from sizes where n > 1) s on s.k = c.k
  group by all
),
-- The same values either way: list_distinct drops nulls, so one null becomes '' as coalesce() makes it.
cases as (
  select
    county, court, remedy, determination, reduced_level, layer, is_related, subject_id, case_key,
    case_number, 1 as counts,
    coalesce(code_section, '') as code_sections,
    coalesce(conviction_date, '') as conviction_dates,
    coalesce(cnt_order, '') as count_orders,
    coalesce(rule_id, '') as rule_ids,
    coalesce(reason, '') as reason
  from keyed c
  semi join (select k from sizes where n = 1) s on s.k = c.k
  union all
  select
    county, court, remedy, determination, reduced_level, layer, is_related, subject_id, case_key,
    case_number, counts,
    -- 'HS 11357(B); HS 11359 x2'
    ${raw(caseSectionsText('sections'))},
    conviction_dates,
    count_orders,
    coalesce(rule_ids, ''),
    coalesce(reason, '')
  from multi
),
-- Numbered before the identity is joined: the window sorts every column it carries, and the names, date of birth
-- and CII number carried through it cost 0.5 of its 2.5 s at 5M lines (docs/scale.md, "Session 31").
numbered as (
  select
    c.*,
    row_number() over (
      order by c.county nulls last, c.court nulls last, ${raw(remedyRank('c.remedy'))}, c.remedy,
        c.determination, c.case_number nulls last, c.subject_id, c.conviction_dates nulls last,
        c.reduced_level nulls last, c.is_related, c.layer, c.case_key
    )::int as motion_order
  from cases c
)
select
  c.county, c.court, c.remedy, c.determination, c.reduced_level, c.layer, c.is_related,
  c.case_number, c.subject_id,
  s.name,
  array_to_string(list_filter(coalesce(s.names, []), n -> n is distinct from s.name), '; ') as aka,
  strftime(s.dob, '%Y-%m-%d') as dob,
  s.cii_number,
  nullif(c.conviction_dates, '') as conviction_date,
  c.code_sections,
  c.counts,
  c.count_orders,
  c.rule_ids,
  c.reason,
  c.motion_order
from numbered c
left join ${ref(int_subjects)} s on s.subject_id = c.subject_id`,
}
