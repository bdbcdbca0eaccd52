-- model:      int_convictions
-- layer:      intermediate (table)
-- grain:      one row per (subject_id, cnt_order) with a CONVICTED disposition
-- depends on: fold_counts, stg_charge_codes
create or replace table int_convictions as
with counts as (
  select c.*,
    list_sort(list_distinct(list_filter([
      case when regexp_matches(t, '^[A-Z]+$') then t || ':' || case t when 'AB' then 'ATTEMPT' when 'BI' then 'ATTEMPT' when 'BJ' then 'ATTEMPT' when 'BK' then 'ATTEMPT' when 'BL' then 'ATTEMPT' when 'EB' then 'CONSPIRACY' when 'EC' then 'CONSPIRACY' when 'ED' then 'CONSPIRACY' when 'EE' then 'CONSPIRACY' when 'EF' then 'CONSPIRACY' when 'EG' then 'CONSPIRACY' when 'EH' then 'CONSPIRACY' when 'CS' then 'ACCESSORY' when 'BB' then 'REGISTRATION' when 'OK' then 'OTHER' end else t || ':' || case when regexp_matches(t, '^664(\.[1-3])?($|\()') then 'ATTEMPT' when regexp_matches(t, '^182($|\()') then 'CONSPIRACY' when regexp_matches(t, '^32$') then 'ACCESSORY' when regexp_matches(t, '^290($|\.|\()') then 'REGISTRATION' end end
      for t in coalesce(string_split(qualifier_tokens, chr(31)), [])], x -> x is not null))) as qualifier_codes,
    [case when t is null then null when contains(t, '664') or contains(t, '182') then regexp_extract(t, '^\s*(?:(664|182)[^/]*/\s*)?([0-9]+(?:\.[0-9]+)?(?: ?[A-Z]{1,2})?)\s*((?:\([0-9A-Z]+\))*)\s*([A-Z]{2,3})\b', 1) else '' end for t in coalesce(string_split(prefix_texts, chr(31)), [])] as prefixes
  from "fold_counts" c
)
select
  c.subject_id,
  c.cnt_order,
  case when list_contains(prefixes, '664') or len(list_filter(qualifier_codes, x -> x like '%:ATTEMPT')) > 0 or list_contains(qualifier_codes, 'EH:CONSPIRACY')
    then true when any_charge_text then false end as is_attempt,
  case when list_contains(prefixes, '182') or len(list_filter(qualifier_codes, x -> x like '%:CONSPIRACY' and x <> 'EH:CONSPIRACY')) > 0
    then true when any_charge_text then false end as is_conspiracy,
  len(list_filter(qualifier_codes, x -> x like '%:ACCESSORY')) > 0 as is_accessory,
  len(list_filter(qualifier_codes, x -> x like '%:REGISTRATION')) > 0 as has_registration_qualifier,
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
  coalesce(disp_date, step_date)
    + to_years(cast(floor(sentence_years) as integer))
    + to_months(cast(floor(sentence_months + 12 * (sentence_years - floor(sentence_years))) as integer))
    + to_days(cast(ceil(sentence_days) as integer)) as sentence_end_date,
  cyc_date >= date '2016-11-09' as offense_after_auma,
  coalesce(disp_date, step_date) >= date '2016-11-09' as conviction_after_auma
from counts c
left join "stg_charge_codes" cc on cc.charge_id = c.charge_id
left join "stg_charge_codes" ch on ch.charge_id = c.charged_id;
comment on table int_convictions is 'one row per (subject_id, cnt_order) with a CONVICTED disposition';
