-- model:      stg_charge_codes
-- layer:      staging (temp table)
-- grain:      one row per distinct charge text of the extract
-- depends on: fold_charge_texts
create or replace temp table stg_charge_codes as
select t.charge_id, c.* from "fold_charge_texts" t join (
select charge_text, nullif(code.code_type, '') as code_type,
  nullif(replace(code.section, ' ', ''), '') as section,
  nullif(regexp_extract(code.subsections, '^\(([0-9A-Z]+)\)', 1), '') as subsection,
  case when code.section <> '' then code.code_type || ' ' || replace(code.section, ' ', '') end as base_section,
  case when code.section <> '' then code.code_type || ' ' || replace(code.section, ' ', '') || code.subsections end
    as code_section
from (
  select charge_text, regexp_extract(charge_text, '^\s*(?:(664|182)[^/]*/\s*)?([0-9]+(?:\.[0-9]+)?(?: ?[A-Z]{1,2})?)\s*((?:\([0-9A-Z]+\))*)\s*([A-Z]{2,3})\b', ['prefix', 'section', 'subsections', 'code_type']) as code
  from (
    select charge_text from "fold_charge_texts"
  ) texts
) parsed) c using (charge_text);
comment on table stg_charge_codes is 'one row per distinct charge text of the extract';
