-- model:      stg_doj_rows
-- layer:      staging (table)
-- grain:      one row per loaded DOJ line (subject x cycle x step x count x sentence part)
-- depends on: raw_doj_rows
create or replace table stg_doj_rows as
select * exclude (code, cyc_date_text, step_date_text, disp_date_text, offense_toc, conviction_status),
  case when cyc_date_text is null then 'missing' when cyc_date is null then 'bad' else 'ok' end as cyc_date_status,
  case when step_date_text is null then 'missing' when step_date is null then 'bad' else 'ok' end as step_date_status,
  case when disp_date_text is null then 'missing' when disp_date is null then 'bad' else 'ok' end as disp_date_status,
  nullif(code.code_type, '') as code_type,
  nullif(replace(code.section, ' ', ''), '') as section,
  nullif(regexp_extract(code.subsections, '^\(([0-9A-Z]+)\)', 1), '') as subsection,
  case when code.section <> '' then code.code_type || ' ' || replace(code.section, ' ', '') end as base_section,
  case when code.section <> '' then code.code_type || ' ' || replace(code.section, ' ', '') || code.subsections end
    as code_section,
  code.prefix = '664' or regexp_matches(coalesce(qualifiers, ''), '\b664\b') as is_attempt,
  code.prefix = '182' or regexp_matches(coalesce(qualifiers, ''), '\b182\b') as is_conspiracy,
  case conviction_status
    when 'FELONY' then 'felony' when 'MISDEMEANOR' then 'misdemeanor' when 'INFRACTION' then 'infraction'
    else case offense_toc when 'F' then 'felony' when 'M' then 'misdemeanor' when 'I' then 'infraction' end
  end as conviction_level
from (select "filename" as "source_file", nullif(trim(SUBJECT_ID), '') as "subject_id", nullif(trim(CII_NUMBER), '') as "cii_number", nullif(trim(PRI_NAME), '') as "name", nullif(upper(trim(GENDER)), '') as "gender", nullif(trim(PRI_DOB), '') is not null as "dob_present", try_strptime(trim(PRI_DOB), '%Y%m%d')::date as "dob", nullif(upper(trim(RACE_CODE)), '') as "race_code", nullif(trim(CYC_ORDER), '') as "cyc_order", try_strptime(trim(CYC_DATE), '%Y%m%d')::date as "cyc_date", nullif(trim(CYC_DATE), '') as "cyc_date_text", nullif(upper(trim(STP_TYPE_DESCR)), '') as "step_type", try_strptime(trim(STP_EVENT_DATE), '%Y%m%d')::date as "step_date", nullif(trim(STP_EVENT_DATE), '') as "step_date_text", nullif(upper(trim(STP_ORI_DESCR)), '') as "court", nullif(trim(STP_ORI_CNTY_CODE), '') as "county_code", nullif(upper(trim(STP_ORI_CNTY_NAME)), '') as "county", nullif(trim(CNT_ORDER), '') as "cnt_order", try_strptime(trim(DISP_DATE), '%Y%m%d')::date as "disp_date", nullif(trim(DISP_DATE), '') as "disp_date_text", nullif(trim(OFFENSE_CODE), '') as "offense_code", nullif(case when upper(OFFENSE_DESCR) like '%SEE COMMENT FOR CHARGE%' then upper(trim(COMMENT_TEXT)) else upper(trim(OFFENSE_DESCR)) end, '') as "charge_text", regexp_extract(case when upper(OFFENSE_DESCR) like '%SEE COMMENT FOR CHARGE%' then upper(trim(COMMENT_TEXT)) else upper(trim(OFFENSE_DESCR)) end, '^\s*(?:(664|182)[^/]*/\s*)?([0-9]+(?:\.[0-9]+)?(?: ?[A-Z])?)\s*((?:\([0-9A-Z]+\))*)\s*([A-Z]{2,3})\b', ['prefix', 'section', 'subsections', 'code_type']) as "code", nullif(upper(trim(OFFENSE_TOC)), '') as "offense_toc", nullif(upper(trim(OFFENSE_QUAL_LST)), '') as "qualifiers", nullif(trim(FE_NUM_CRT_CASE), '') as "case_number", nullif(upper(trim(DISP_DESCR)), '') as "disposition", coalesce(upper(trim(DISP_DESCR)) like 'CONVICTED%', false) as "is_conviction", nullif(upper(trim(CONV_STAT_DESCR)), '') as "conviction_status", nullif(trim(SENT_ORDER), '') as "sent_order", nullif(upper(trim(SENT_LOC_DESCR)), '') as "sentence_kind", try_cast(trim(SENT_LENGTH) as double) as "sentence_length", nullif(upper(trim(SENT_TIME_CODE)), '') as "sentence_unit" from "raw_doj_rows") parsed;
comment on table stg_doj_rows is 'one row per loaded DOJ line (subject x cycle x step x count x sentence part)';
