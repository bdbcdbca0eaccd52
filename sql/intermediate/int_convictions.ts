import type { Model } from '../model.ts'
import { AUMA_EFFECTIVE } from '../helpers/sql-fragments.ts'

/**
 * One row per convicted count. A count spans several lines (one per sentence part); their lengths are
 * summed into one sentence end, as the earlier bulk tools did (probation revocations are not in the data).
 */
export const int_convictions: Model = {
  name: 'int_convictions',
  layer: 'intermediate',
  materialized: 'table',
  grain: 'one row per (subject_id, cnt_order) with a CONVICTED disposition',
  dependsOn: ['stg_doj_rows'],
  sql: () => `
with conviction_lines as (
  select * from stg_doj_rows where is_conviction and subject_id is not null and cnt_order is not null
),
counts as (
  select
    subject_id,
    cnt_order,
    -- The court step's own fields: take them from the first sentence part.
    arg_min(county, coalesce(sent_order, '')) as county,
    arg_min(county_code, coalesce(sent_order, '')) as county_code,
    arg_min(court, coalesce(sent_order, '')) as court,
    arg_min(ori_code, coalesce(sent_order, '')) as ori_code,
    arg_min(case_number, coalesce(sent_order, '')) as case_number,
    arg_min(cyc_order, coalesce(sent_order, '')) as cyc_order,
    arg_min(charge_text, coalesce(sent_order, '')) as charge_text,
    arg_min(offense_code, coalesce(sent_order, '')) as offense_code,
    arg_min(code_type, coalesce(sent_order, '')) as code_type,
    arg_min(section, coalesce(sent_order, '')) as section,
    arg_min(subsection, coalesce(sent_order, '')) as subsection,
    arg_min(base_section, coalesce(sent_order, '')) as base_section,
    arg_min(code_section, coalesce(sent_order, '')) as code_section,
    arg_min(conviction_level, coalesce(sent_order, '')) as conviction_level,
    bool_or(is_attempt) as is_attempt,
    bool_or(is_conspiracy) as is_conspiracy,
    arg_min(disposition, coalesce(sent_order, '')) as disposition,
    -- Conviction date: the disposition date, else the court step date.
    arg_min(coalesce(disp_date, step_date), coalesce(sent_order, '')) as conviction_date,
    arg_min(case when disp_date_status <> 'missing' then disp_date_status else step_date_status end,
            coalesce(sent_order, '')) as conviction_date_status,
    -- Offense date: the arrest cycle date (the DOJ file carries no separate offense date).
    arg_min(cyc_date, coalesce(sent_order, '')) as offense_date,
    arg_min(cyc_date_status, coalesce(sent_order, '')) as offense_date_status,
    sum(case when sentence_unit = 'D' then sentence_length else 0 end) as sentence_days,
    sum(case when sentence_unit = 'M' then sentence_length else 0 end) as sentence_months,
    sum(case when sentence_unit = 'Y' then sentence_length else 0 end) as sentence_years,
    count(*) filter (where sentence_length is not null and coalesce(sentence_unit, '') not in ('D', 'M', 'Y'))
      as sentence_parts_unreadable,
    string_agg(distinct sentence_kind || coalesce(' ' || sentence_length::int || ' ' || sentence_unit, ''), ' + ')
      as sentence_text
  from conviction_lines
  group by subject_id, cnt_order
)
select
  *,
  conviction_date
    + to_years(cast(floor(sentence_years) as integer))
    + to_months(cast(floor(sentence_months + 12 * (sentence_years - floor(sentence_years))) as integer))
    + to_days(cast(ceil(sentence_days) as integer)) as sentence_end_date,
  offense_date >= ${AUMA_EFFECTIVE} as offense_after_auma,
  conviction_date >= ${AUMA_EFFECTIVE} as conviction_after_auma
from counts`,
}
