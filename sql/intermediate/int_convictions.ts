import { sql } from 'kysely'
import type { Model } from '../model.ts'
import { raw, ref } from '../helpers/model-sql.ts'
import { stg_doj_rows } from '../staging/stg_doj_rows.ts'
import { AUMA_EFFECTIVE } from '../helpers/sql-fragments.ts'

/**
 * One row per convicted count. A count spans several lines (one per sentence part); their lengths are
 * summed into one sentence end, as the earlier bulk tools did (probation revocations are not in the data).
 */
export const int_convictions: Model = {
  name: 'int_convictions',
  layer: 'intermediate',
  materialized: 'table',
  partitionKey: 'subject_id',
  grain: 'one row per (subject_id, cnt_order) with a CONVICTED disposition',
  sql: () => sql`
with conviction_lines as (
  -- A sentence part is keyed by its count, its order and its fields: the same line delivered twice is one part,
  -- so it cannot double a sentence.
  select distinct on (subject_id, cnt_order, sent_order, sentence_kind, sentence_length, sentence_unit) *
  from ${ref(stg_doj_rows)} where is_conviction and subject_id is not null and cnt_order is not null
),
counts as (
  select
    subject_id,
    cnt_order,
    -- The court step's own fields come from the first sentence part: one arg_min over a struct, not one per field.
    arg_min(struct_pack(county, county_code, court, case_number, cyc_order, charge_text, offense_code,
      code_type, section, subsection, base_section, code_section, conviction_level, disposition,
      charged_code_section, convicted_offense_recorded, cycle_age,
      conviction_date := coalesce(disp_date, step_date),
      conviction_date_status := case when disp_date_status <> 'missing' then disp_date_status else step_date_status end,
      -- Offense date: the arrest cycle date (the DOJ file carries no separate offense date).
      offense_date := cyc_date, offense_date_status := cyc_date_status), coalesce(sent_order, '')) as first_part,
    bool_or(is_attempt) as is_attempt,
    bool_or(is_conspiracy) as is_conspiracy,
    bool_or(is_accessory) as is_accessory,
    bool_or(has_registration_qualifier) as has_registration_qualifier,
    list_sort(list_distinct(flatten(list(qualifier_codes)))) as qualifier_codes,
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
  * exclude (first_part),
  unnest(first_part),
  first_part.conviction_date
    + to_years(cast(floor(sentence_years) as integer))
    + to_months(cast(floor(sentence_months + 12 * (sentence_years - floor(sentence_years))) as integer))
    + to_days(cast(ceil(sentence_days) as integer)) as sentence_end_date,
  first_part.offense_date >= ${raw(AUMA_EFFECTIVE)} as offense_after_auma,
  first_part.conviction_date >= ${raw(AUMA_EFFECTIVE)} as conviction_after_auma
from counts`,
}
