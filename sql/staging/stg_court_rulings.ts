import type { Model } from '../model.ts'
import { RULINGS } from '../../data-contracts/court-rulings.contract.ts'
import { caseKey, courtDate } from '../helpers/court-fragments.ts'
import { clean } from '../helpers/sql-fragments.ts'

/**
 * Court rulings as read (relief status import): keys normalised like the court index, dates in either form.
 * A ruling that cannot be placed on a count or in time carries reject_reason and does not enter the ledger.
 */
export function stgCourtRulings(lines: string): Model {
  return {
    name: 'stg_court_rulings',
    layer: 'staging',
    materialized: 'table',
    grain: 'one row per rulings record read (file_index, record); loaded when reject_reason is null',
    dependsOn: ['raw_court_rulings', 'ref_counties'],
    sql: () => `
with lines as (${lines}),
parsed as (
  select r.filename as source_file, l.line, c.county, upper(trim(r.county)) as county_text,
    ${clean('r.case_number')} as case_number, ${caseKey('r.case_number')} as case_key,
    ${clean('r.cnt_order')} as cnt_order, lower(trim(r.ruling)) as ruling,
    ${courtDate('r.ruling_date')} as ruling_date, ${clean('r.order_text')} as order_text,
    ${courtDate('r.doj_updated_date')} as doj_updated_date,
    ${clean('r.doj_updated_date')} is not null as doj_updated_present
  from raw_court_rulings r join lines l using (file_index, record)
  left join ref_counties c on c.county = regexp_replace(upper(trim(r.county)), '\\s+', ' ', 'g')
)
select * exclude (county_text, doj_updated_present),
  case
    when county is null then 'county "' || coalesce(county_text, '') || '" is not a California county'
    when case_key is null then 'no case_number'
    when cnt_order is null then 'no cnt_order'
    when ruling is null or ruling not in (${RULINGS.map((x) => `'${x}'`).join(', ')}) then
      'ruling "' || coalesce(ruling, '') || '" is not one of ${RULINGS.join(', ')}'
    when ruling_date is null then 'ruling_date missing or not YYYY-MM-DD / YYYYMMDD'
    when doj_updated_present and doj_updated_date is null then 'doj_updated_date not YYYY-MM-DD / YYYYMMDD'
  end as reject_reason
from parsed`,
  }
}
