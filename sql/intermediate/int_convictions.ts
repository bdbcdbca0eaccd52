import { sql } from 'kysely'
import type { Model } from '../model.ts'
import { raw, ref } from '../helpers/model-sql.ts'
import { stg_doj_rows } from '../staging/stg_doj_rows.ts'
import { stg_charge_codes } from '../staging/stg_charge_codes.ts'
import { aumaFlags, sentenceEndDate } from '../helpers/sentence-end.ts'

/**
 * One row per convicted count. A count spans several lines (one per sentence part); their lengths are
 * summed into one sentence end, as the earlier bulk tools did (probation revocations are not in the data).
 */
export const int_convictions: Model = {
  name: 'int_convictions',
  layer: 'intermediate',
  materialized: 'table',
  partitionKey: 'subject_id',
  // The charge codes are keyed by text: every bucket of people reads them whole.
  wholeReads: [stg_charge_codes],
  grain: 'one row per (subject_id, cnt_order) with a CONVICTED disposition',
  sql: () => sql`
with sentences as (
  -- A sentence part is keyed by its count, its order and its fields: the same line delivered twice is one part,
  -- so it cannot double a sentence. Only the sums need the parts deduplicated, so only these narrow keys are.
  select
    subject_id,
    cnt_order,
    sum(case when sentence_unit = 'D' then sentence_length else 0 end) as sentence_days,
    sum(case when sentence_unit = 'M' then sentence_length else 0 end) as sentence_months,
    sum(case when sentence_unit = 'Y' then sentence_length else 0 end) as sentence_years,
    count(*) filter (where sentence_length is not null and coalesce(sentence_unit, '') not in ('D', 'M', 'Y'))
      as sentence_parts_unreadable,
    -- 'FINE + JAIL 90 D + PROBATION 3 Y': each distinct part once, sorted, so a rerun reads the same.
    nullif(array_to_string(list_sort(list_distinct(list(
      sentence_kind || coalesce(' ' || sentence_length::int || ' ' || sentence_unit, '')))), ' + '), '') as sentence_text
  from (
    select distinct subject_id, cnt_order, sent_order, sentence_kind, sentence_length, sentence_unit
    from ${ref(stg_doj_rows)} where is_conviction and subject_id is not null and cnt_order is not null
  )
  group by subject_id, cnt_order
),
firsts as (
  -- The court step's own fields come from the first sentence part. The aggregate keeps only that line's rowid
  -- (an arg_min over a struct of twenty fields cost more than all the rest); the fields are joined back below.
  select
    subject_id,
    cnt_order,
    arg_min(rowid, coalesce(sent_order, '')) as first_line,
    bool_or(is_attempt) as is_attempt,
    bool_or(is_conspiracy) as is_conspiracy,
    bool_or(is_accessory) as is_accessory,
    bool_or(has_registration_qualifier) as has_registration_qualifier,
    -- Most lines carry no qualifier: only the others are collected.
    coalesce(list_sort(list_distinct(flatten(list(qualifier_codes) filter (where len(qualifier_codes) > 0)))), [])
      as qualifier_codes
  from ${ref(stg_doj_rows)} where is_conviction and subject_id is not null and cnt_order is not null
  group by subject_id, cnt_order
),
counts as (
  select f.* exclude (first_line), s.* exclude (subject_id, cnt_order),
    struct_pack(l.county, l.county_code, l.court, l.case_number, l.cyc_order, l.charge_text, l.offense_code,
      cc.code_type, cc.section, cc.subsection, cc.base_section, cc.code_section, l.conviction_level, l.disposition,
      charged_code_section := ch.code_section, l.convicted_offense_recorded, l.cycle_age,
      conviction_date := coalesce(l.disp_date, l.step_date),
      conviction_date_status := case when l.disp_date_status <> 'missing' then l.disp_date_status else l.step_date_status end,
      -- Offense date: the arrest cycle date (the DOJ file carries no separate offense date).
      offense_date := l.cyc_date, offense_date_status := l.cyc_date_status) as first_part
  from firsts f
  join ${ref(stg_doj_rows)} l on l.rowid = f.first_line
  left join ${ref(stg_charge_codes)} cc on cc.charge_text = l.charge_text
  left join ${ref(stg_charge_codes)} ch on ch.charge_text = l.charged_text
  join sentences s on s.subject_id = f.subject_id and s.cnt_order = f.cnt_order
)
select
  * exclude (first_part),
  unnest(first_part),
  ${raw(sentenceEndDate('first_part.conviction_date'))} as sentence_end_date,
  ${raw(aumaFlags('first_part.offense_date', 'first_part.conviction_date'))}
from counts`,
}
