import { sql } from 'kysely'
import type { Model } from '../model.ts'
import { raw, ref, type Relation } from '../helpers/model-sql.ts'
import { count_determinations } from '../determinations/count_determinations.ts'
import { caseKey } from '../helpers/court-fragments.ts'

/** The rulings ledger `relief status import` keeps in the database (not a model: it outlives runs). */
const FILING_LEDGER: Relation = { name: 'filing_ledger' }

/**
 * Where each Prop 64 count of the run stands after filing: its latest ruling in the filing ledger (kept by county,
 * normalised case number and CNT_ORDER, so it survives a rerun on a new extract). Identified = the run grants
 * relief (dismiss or reduce); filed = identified, since every such count is on a motion the run wrote; pending =
 * filed and no ruling yet, or continued; DOJ-updated = granted and the DOJ confirmed the update.
 */
export const int_filing_status: Model = {
  name: 'int_filing_status',
  layer: 'intermediate',
  materialized: 'table',
  grain: 'one row per Prop 64 count of the run (subject_id, cnt_order)',
  sql: () => sql`
with latest as (
  select county, case_key, cnt_order,
    arg_max(ruling, ruling_date) as ruling, max(ruling_date) as ruling_date,
    arg_max(order_text, ruling_date) as order_text, max(doj_updated_date) as doj_updated_date
  from ${ref(FILING_LEDGER)} group by all
)
select d.subject_id, d.cnt_order, d.county, d.court, d.case_number, d.code_section, d.conviction_date,
  d.determination, d.remedy,
  d.determination in ('dismiss', 'reduce') as identified,
  d.determination in ('dismiss', 'reduce') as filed,
  l.ruling, l.ruling_date, l.order_text, l.doj_updated_date,
  d.determination in ('dismiss', 'reduce') and coalesce(l.ruling, 'continued') = 'continued' as pending,
  l.ruling = 'granted' and l.doj_updated_date is not null as doj_updated
from ${ref(count_determinations)} d
left join latest l on l.county = d.county and l.case_key = ${raw(caseKey('d.case_number'))} and l.cnt_order = d.cnt_order
where d.statute_rule_id <> 'P64-SCOPE-01'`,
}
