import { sql } from 'kysely'
import type { Model } from '../model.ts'
import { raw, ref } from '../helpers/model-sql.ts'
import { fold_counts } from '../sources/fold_tables.ts'
import { stg_charge_codes_folded } from './stg_charge_codes_folded.ts'
import { codePrefix } from '../helpers/charge-code.ts'
import {
  ATTEMPT_QUALIFIER,
  CONSPIRACY_QUALIFIER,
  digitQualifier,
  hasQualifier,
  letterQualifier,
} from '../helpers/qualifier-codes.ts'
import { aumaFlags, sentenceEndDate } from '../helpers/sentence-end.ts'

/** A list the reader wrote as one text, its items joined by chr(31); [] for NULL. */
const items = (col: string) => `coalesce(string_split(${col}, chr(31)), [])`

/**
 * int_convictions from the native reader's counts: the same columns, in the same order, with the same values.
 * The reader has picked each count's first sentence part and summed its distinct parts; here the qualifier tokens
 * become qualifiers, the 664/182 prefix is read from the charge texts that hold either number, and the charge
 * codes are joined.
 *
 * A count's attempt (conspiracy) flag is true when any of its lines has the prefix or the qualifier; else false
 * when any line has a charge text, else NULL: what bool_or over its lines gives on the SQL path.
 */
export const int_convictions_folded: Model = {
  name: 'int_convictions',
  layer: 'intermediate',
  materialized: 'table',
  grain: 'one row per (subject_id, cnt_order) with a CONVICTED disposition',
  sql: () => sql`
with counts as (
  select c.*,
    list_sort(list_distinct(list_filter([
      case when regexp_matches(t, '^[A-Z]+$') then ${raw(letterQualifier('t'))} else ${raw(digitQualifier('t'))} end
      for t in ${raw(items('qualifier_tokens'))}], x -> x is not null))) as qualifier_codes,
    [${raw(codePrefix('t'))} for t in ${raw(items('prefix_texts'))}] as prefixes
  from ${ref(fold_counts)} c
)
select
  c.subject_id,
  c.cnt_order,
  case when list_contains(prefixes, '664') or ${raw(ATTEMPT_QUALIFIER)}
    then true when any_charge_text then false end as is_attempt,
  case when list_contains(prefixes, '182') or ${raw(CONSPIRACY_QUALIFIER)}
    then true when any_charge_text then false end as is_conspiracy,
  ${raw(hasQualifier('ACCESSORY'))} as is_accessory,
  ${raw(hasQualifier('REGISTRATION'))} as has_registration_qualifier,
  qualifier_codes,
  sentence_days, sentence_months, sentence_years, sentence_parts_unreadable, sentence_text,
  county, county_code, court, case_number, cyc_order, cc.charge_text, offense_code,
  cc.code_type, cc.section, cc.subsection, cc.base_section, cc.code_section, conviction_level, disposition,
  ch.code_section as charged_code_section, convicted_offense_recorded, cycle_age,
  coalesce(disp_date, step_date) as conviction_date,
  case when disp_date_status <> 'missing' then disp_date_status else step_date_status end as conviction_date_status,
  -- Offense date: the arrest cycle date (the DOJ file carries no separate offense date).
  cyc_date as offense_date,
  cyc_date_status as offense_date_status,
  ${raw(sentenceEndDate('coalesce(disp_date, step_date)'))} as sentence_end_date,
  ${raw(aumaFlags('cyc_date', 'coalesce(disp_date, step_date)'))}
from counts c
left join ${ref(stg_charge_codes_folded)} cc on cc.charge_id = c.charge_id
left join ${ref(stg_charge_codes_folded)} ch on ch.charge_id = c.charged_id`,
}
