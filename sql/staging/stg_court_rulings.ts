import { sql } from 'kysely'
import type { Model } from '../model.ts'
import { raw, ref, type Relation } from '../helpers/model-sql.ts'
import { ref_counties } from '../seeds/reference_tables.ts'
import { RULINGS } from '../../data-contracts/court-rulings.contract.ts'
import { caseKey, courtDate } from '../helpers/court-fragments.ts'
import { clean } from '../helpers/sql-fragments.ts'

/** The rulings files as read by `relief status import` (its read_csv, before this model). */
const RAW_COURT_RULINGS: Relation = { name: 'raw_court_rulings' }

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
    sql: () => sql`
with lines as (${raw(lines)}),
parsed as (
  select r.filename as source_file, l.line, c.county, upper(trim(r.county)) as county_text,
    ${raw(clean('r.case_number'))} as case_number, ${raw(caseKey('r.case_number'))} as case_key,
    ${raw(clean('r.cnt_order'))} as cnt_order, lower(trim(r.ruling)) as ruling,
    ${raw(courtDate('r.ruling_date'))} as ruling_date, ${raw(clean('r.order_text'))} as order_text,
    ${raw(courtDate('r.doj_updated_date'))} as doj_updated_date,
    ${raw(clean('r.doj_updated_date'))} is not null as doj_updated_present
  from ${ref(RAW_COURT_RULINGS)} r join lines l using (file_index, record)
  left join ${ref(ref_counties)} c on c.county = regexp_replace(upper(trim(r.county)), '\\s+', ' ', 'g')
)
select * exclude (county_text, doj_updated_present),
  case
    when county is null then 'county "' || coalesce(county_text, '') || '" is not a California county'
    when case_key is null then 'no case_number'
    when cnt_order is null then 'no cnt_order'
    when ruling is null or ruling not in (${raw(RULINGS.map((x) => `'${x}'`).join(', '))}) then
      'ruling "' || coalesce(ruling, '') || '" is not one of ${raw(RULINGS.join(', '))}'
    when ruling_date is null then 'ruling_date missing or not YYYY-MM-DD / YYYYMMDD'
    when doj_updated_present and doj_updated_date is null then 'doj_updated_date not YYYY-MM-DD / YYYYMMDD'
  end as reject_reason
from parsed`,
  }
}
