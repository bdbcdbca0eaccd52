-- model:      stg_charge_codes
-- layer:      staging (temp table)
-- grain:      one row per distinct charge text of the extract
-- depends on: stg_doj_rows
create or replace temp table stg_charge_codes as
select charge_text, nullif(code.code_type, '') as code_type,
  nullif(replace(code.section, ' ', ''), '') as section,
  nullif(regexp_extract(code.subsections, '^\(([0-9A-Z]+)\)', 1), '') as subsection,
  case when code.section <> '' then code.code_type || ' ' || replace(code.section, ' ', '') end as base_section,
  case when code.section <> '' then code.code_type || ' ' || replace(code.section, ' ', '') || code.subsections end
    as code_section
from (
  select charge_text, regexp_extract(charge_text, '^\s*(?:(664|182)[^/]*/\s*)?([0-9]+(?:\.[0-9]+)?(?: ?[A-Z]{1,2})?)\s*((?:\([0-9A-Z]+\))*)\s*([A-Z]{2,3})\b', ['prefix', 'section', 'subsections', 'code_type']) as code
  from (
    select charge_text from "stg_doj_rows" where charge_text is not null
    union
    select charged_text from "stg_doj_rows" where charged_text is not null
  ) texts
) parsed;
comment on table stg_charge_codes is 'one row per distinct charge text of the extract';
