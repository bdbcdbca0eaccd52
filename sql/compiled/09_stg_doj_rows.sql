-- model:      stg_doj_rows
-- layer:      staging (table)
-- grain:      one row per loaded DOJ line (subject x cycle x step x count x sentence part)
-- depends on: raw_doj_rows
create or replace table stg_doj_rows as
select * exclude (code, charged_code, cyc_date_text, step_date_text, disp_date_text, offense_toc,
    conviction_status, convicted_qualifiers, qualifier_codes, cycle_age),
  -- CYC_AGE: the age at the arrest that began the cycle; only plausible ages are kept.
  case when cycle_age between 0 and 120 then cycle_age end as cycle_age,
  case when cyc_date_text is null then 'missing' when cyc_date is null then 'bad' else 'ok' end as cyc_date_status,
  case when step_date_text is null then 'missing' when step_date is null then 'bad' else 'ok' end as step_date_status,
  case when disp_date_text is null then 'missing' when disp_date is null then 'bad' else 'ok' end as disp_date_status,
  nullif(code.code_type, '') as code_type,
  nullif(replace(code.section, ' ', ''), '') as section,
  nullif(regexp_extract(code.subsections, '^\(([0-9A-Z]+)\)', 1), '') as subsection,
  case when code.section <> '' then code.code_type || ' ' || replace(code.section, ' ', '') end as base_section,
  case when code.section <> '' then code.code_type || ' ' || replace(code.section, ' ', '') || code.subsections end
    as code_section,
  case when charged_code.section <> '' then charged_code.code_type || ' ' || replace(charged_code.section, ' ', '')
    || charged_code.subsections end as charged_code_section,
  qualifier_codes,
  -- EH (21 USC 846, federal "attempt or conspiracy") does not say which: it is read as an attempt (review),
  -- never as a conspiracy (not eligible), so the doubt goes to a person, not to a bar.
  code.prefix = '664' or len(list_filter(qualifier_codes, x -> x like '%:ATTEMPT')) > 0 or list_contains(qualifier_codes, 'EH:CONSPIRACY') as is_attempt,
  code.prefix = '182' or len(list_filter(qualifier_codes, x -> x like '%:CONSPIRACY' and x <> 'EH:CONSPIRACY')) > 0
    as is_conspiracy,
  len(list_filter(qualifier_codes, x -> x like '%:ACCESSORY')) > 0 as is_accessory,
  len(list_filter(qualifier_codes, x -> x like '%:REGISTRATION')) > 0 as has_registration_qualifier,
  case conviction_status
    when 'FELONY' then 'felony' when 'MISDEMEANOR' then 'misdemeanor' when 'INFRACTION' then 'infraction'
    else case offense_toc when 'F' then 'felony' when 'M' then 'misdemeanor' when 'I' then 'infraction' end
  end as conviction_level
from (
  select *,
    -- The qualifiers that belong to the convicted offense: when DOJ recorded the convicted offense, its own list
    -- (a conspiracy charge pled to the completed offense is no conspiracy conviction); else the charge's.
    case when nullif(trim(case when convicted_offense_recorded then convicted_qualifiers else qualifiers end), '') is null then []::varchar[] else list_distinct(list_filter(flatten([
      case when regexp_matches(t, '^[A-Z]+$')
        then [p || ':' || case p when 'AB' then 'ATTEMPT' when 'BI' then 'ATTEMPT' when 'BJ' then 'ATTEMPT' when 'BK' then 'ATTEMPT' when 'BL' then 'ATTEMPT' when 'EB' then 'CONSPIRACY' when 'EC' then 'CONSPIRACY' when 'ED' then 'CONSPIRACY' when 'EE' then 'CONSPIRACY' when 'EF' then 'CONSPIRACY' when 'EG' then 'CONSPIRACY' when 'EH' then 'CONSPIRACY' when 'CS' then 'ACCESSORY' when 'BB' then 'REGISTRATION' when 'OK' then 'OTHER' end for p in [substr(t, 2 * i + 1, 2) for i in range(len(t) // 2)]
              if len(t) % 2 = 0]
        else [t || ':' || case when regexp_matches(t, '^664(\.[1-3])?($|\()') then 'ATTEMPT' when regexp_matches(t, '^182($|\()') then 'CONSPIRACY' when regexp_matches(t, '^32$') then 'ACCESSORY' when regexp_matches(t, '^290($|\.|\()') then 'REGISTRATION' end] end
      for t in regexp_extract_all(coalesce(upper(case when convicted_offense_recorded then convicted_qualifiers else qualifiers end), ''), '[A-Z]+|[0-9]+(?:\.[0-9]+)?(?:\([0-9A-Z]+\))*')
    ]), x -> x is not null)) end
      as qualifier_codes
  from (select "filename" as "source_file", nullif(trim(SUBJECT_ID), '') as "subject_id", nullif(trim(CII_NUMBER), '') as "cii_number", nullif(trim(PRI_NAME), '') as "name", nullif(upper(trim(GENDER)), '') as "gender", nullif(trim(PRI_DOB), '') is not null as "dob_present", try_strptime(trim(PRI_DOB), '%Y%m%d')::date as "dob", nullif(upper(trim(RACE_CODE)), '') as "race_code", nullif(trim(CYC_ORDER), '') as "cyc_order", try_strptime(trim(CYC_DATE), '%Y%m%d')::date as "cyc_date", nullif(trim(CYC_DATE), '') as "cyc_date_text", nullif(upper(trim(STP_TYPE_DESCR)), '') as "step_type", try_strptime(trim(STP_EVENT_DATE), '%Y%m%d')::date as "step_date", nullif(trim(STP_EVENT_DATE), '') as "step_date_text", nullif(upper(trim(STP_ORI_DESCR)), '') as "court", nullif(trim(STP_ORI_CNTY_CODE), '') as "county_code", nullif(upper(trim(STP_ORI_CNTY_NAME)), '') as "county", nullif(trim(CNT_ORDER), '') as "cnt_order", try_strptime(trim(DISP_DATE), '%Y%m%d')::date as "disp_date", nullif(trim(DISP_DATE), '') as "disp_date_text", coalesce(nullif(trim(CONV_OFFENSE_CODE), ''), nullif(trim(DISP_OFFENSE_CODE), ''), nullif(trim(OFFENSE_CODE), '')) as "offense_code", nullif(coalesce(coalesce(case when upper(trim(CONV_OFFENSE_DESCR)) like '%SEE COMMENT FOR CHARGE%' then null else nullif(upper(trim(CONV_OFFENSE_DESCR)), '') end, case when upper(trim(DISP_OFFENSE_DESCR)) like '%SEE COMMENT FOR CHARGE%' then null else nullif(upper(trim(DISP_OFFENSE_DESCR)), '') end), case when upper(OFFENSE_DESCR) like '%SEE COMMENT FOR CHARGE%' then upper(trim(COMMENT_TEXT)) else upper(trim(OFFENSE_DESCR)) end), '') as "charge_text", regexp_extract(coalesce(coalesce(case when upper(trim(CONV_OFFENSE_DESCR)) like '%SEE COMMENT FOR CHARGE%' then null else nullif(upper(trim(CONV_OFFENSE_DESCR)), '') end, case when upper(trim(DISP_OFFENSE_DESCR)) like '%SEE COMMENT FOR CHARGE%' then null else nullif(upper(trim(DISP_OFFENSE_DESCR)), '') end), case when upper(OFFENSE_DESCR) like '%SEE COMMENT FOR CHARGE%' then upper(trim(COMMENT_TEXT)) else upper(trim(OFFENSE_DESCR)) end), '^\s*(?:(664|182)[^/]*/\s*)?([0-9]+(?:\.[0-9]+)?(?: ?[A-Z]{1,2})?)\s*((?:\([0-9A-Z]+\))*)\s*([A-Z]{2,3})\b', ['prefix', 'section', 'subsections', 'code_type']) as "code", regexp_extract(case when upper(OFFENSE_DESCR) like '%SEE COMMENT FOR CHARGE%' then upper(trim(COMMENT_TEXT)) else upper(trim(OFFENSE_DESCR)) end, '^\s*(?:(664|182)[^/]*/\s*)?([0-9]+(?:\.[0-9]+)?(?: ?[A-Z]{1,2})?)\s*((?:\([0-9A-Z]+\))*)\s*([A-Z]{2,3})\b', ['prefix', 'section', 'subsections', 'code_type']) as "charged_code", coalesce(case when upper(trim(CONV_OFFENSE_DESCR)) like '%SEE COMMENT FOR CHARGE%' then null else nullif(upper(trim(CONV_OFFENSE_DESCR)), '') end, case when upper(trim(DISP_OFFENSE_DESCR)) like '%SEE COMMENT FOR CHARGE%' then null else nullif(upper(trim(DISP_OFFENSE_DESCR)), '') end) is not null as "convicted_offense_recorded", coalesce(nullif(upper(trim(CONV_OFFENSE_TOC)), ''), nullif(upper(trim(DISP_OFFENSE_TOC)), ''), nullif(upper(trim(OFFENSE_TOC)), '')) as "offense_toc", nullif(upper(trim(OFFENSE_QUAL_LST)), '') as "qualifiers", coalesce(nullif(upper(trim(CONV_OFFENSE_QUAL_LST)), ''), nullif(upper(trim(DISP_OFFENSE_QUAL_LST)), '')) as "convicted_qualifiers", try_cast(trim(CYC_AGE) as integer) as "cycle_age", nullif(trim(FE_NUM_CRT_CASE), '') as "case_number", nullif(upper(trim(DISP_DESCR)), '') as "disposition", coalesce(upper(trim(DISP_DESCR)) like 'CONVICTED%', false) as "is_conviction", nullif(upper(trim(CONV_STAT_DESCR)), '') as "conviction_status", nullif(trim(SENT_ORDER), '') as "sent_order", nullif(upper(trim(SENT_LOC_DESCR)), '') as "sentence_kind", try_cast(trim(SENT_LENGTH) as double) as "sentence_length", nullif(upper(trim(SENT_TIME_CODE)), '') as "sentence_unit" from "raw_doj_rows") typed
) parsed;
comment on table stg_doj_rows is 'one row per loaded DOJ line (subject x cycle x step x count x sentence part)';
