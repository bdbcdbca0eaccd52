/**
 * The rows of the motion lists: one per court case and relief, gathered in SQL from the final
 * determination of every count (count_determinations) and the person's identity (int_subjects).
 *
 * A "court case" is (subject_id, case number). A count with no case number is grouped with the counts of
 * the same arrest cycle convicted on the same date (else it stands alone), so unnumbered cases of different
 * events never merge. One case whose counts get different reliefs appears once in each schedule, listing
 * only the counts that schedule asks about.
 */
import type { Db } from '../../pipelines/lib/duckdb.ts'
import { lit } from '../../pipelines/lib/duckdb.ts'
import { RELIEF_SECTIONS } from './relief-sections.ts'
import type { MotionCase } from './motion-case.ts'

export type { MotionCase }

const sectionRank = (col: string) =>
  `case ${col} ${RELIEF_SECTIONS.map((s, i) => `when ${lit(s.key)} then ${i}`).join(' ')} else ${RELIEF_SECTIONS.length} end`

export const MOTION_CASES_SQL = `
with counts as (
  select
    d.county, d.court, d.remedy, d.determination, d.subject_id, d.case_number, d.cnt_order,
    d.conviction_date, d.code_section, d.rule_id, d.reason, d.layer,
    -- Until count_determinations carries them (issue 10 points 6-7): related charges are the policy rows
    -- outside statute scope, and a reduction goes one level down (a felony under 18 to an infraction).
    -- The lead wires the final columns from the rules at merge.
    d.statute_rule_id = 'P64-SCOPE-01' as is_related,
    case when d.determination = 'reduce' then case
      when d.conviction_level = 'felony' and d.age_at_offense < 18 then 'infraction'
      -- P64-11357-FEL: possession is at most a misdemeanor, an infraction under 21.
      when d.conviction_level = 'felony' and d.code_section like 'HS 11357%' and d.age_at_offense < 21 then 'infraction'
      when d.conviction_level = 'felony' then 'misdemeanor'
      when d.conviction_level = 'misdemeanor' then 'infraction'
    end end as reduced_level,
    coalesce('#' || d.case_number, '@' || i.cyc_order || '/' || coalesce(d.conviction_date, ''), '!' || d.cnt_order)
      as case_key
  from count_determinations d
  left join int_convictions i on i.subject_id = d.subject_id and i.cnt_order = d.cnt_order
),
cases as (
  select
    county, court, remedy, determination, reduced_level, layer, is_related, subject_id, case_key,
    any_value(case_number) as case_number,
    list_sort(list(code_section)) as sections,
    array_to_string(list_sort(list_distinct(list(conviction_date))), '; ') as conviction_date,
    count(*)::int as counts,
    array_to_string(list_sort(list(cnt_order)), '; ') as count_orders,
    array_to_string(list_sort(list_distinct(list(rule_id))), '; ') as rule_ids,
    array_to_string(list_sort(list_distinct(list(reason))), ' | ') as reason
  from counts
  group by all
)
select
  c.county, c.court, c.remedy, c.determination, c.reduced_level, c.layer, c.is_related,
  c.case_number, c.subject_id,
  s.name,
  array_to_string(list_filter(coalesce(s.names, []), n -> n is distinct from s.name), '; ') as aka,
  strftime(s.dob, '%Y-%m-%d') as dob,
  s.cii_number,
  nullif(c.conviction_date, '') as conviction_date,
  -- 'HS 11357(B); HS 11359 x2': each section once, with its number of counts when more than one.
  array_to_string(list_transform(list_sort(list_distinct(c.sections)), x ->
    x || case when len(list_filter(c.sections, y -> y = x)) > 1 then ' x' || len(list_filter(c.sections, y -> y = x)) else '' end
  ), '; ') as code_sections,
  c.counts,
  c.count_orders,
  coalesce(c.rule_ids, '') as rule_ids,
  coalesce(c.reason, '') as reason
from cases c
left join int_subjects s on s.subject_id = c.subject_id
order by c.county nulls last, c.court nulls last, ${sectionRank('c.remedy')}, c.remedy,
  c.determination, c.case_number nulls last, c.subject_id, c.conviction_date nulls last,
  c.reduced_level nulls last, c.is_related, c.case_key`

export async function motionCases(db: Db): Promise<MotionCase[]> {
  return db.rows<MotionCase>(MOTION_CASES_SQL)
}
