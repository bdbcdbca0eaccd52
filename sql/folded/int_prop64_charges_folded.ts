import { sql } from 'kysely'
import type { Model } from '../model.ts'
import { raw, ref } from '../helpers/model-sql.ts'
import { fold_prop64_lines } from '../sources/fold_tables.ts'
import { stg_charge_codes_folded } from './stg_charge_codes_folded.ts'
import { chargesProp64 } from '../intermediate/int_prop64_charges.ts'

/** int_prop64_charges from the native reader's lines that may name a Prop 64 section: the same match and grouping. */
export const int_prop64_charges_folded: Model = {
  name: 'int_prop64_charges',
  layer: 'intermediate',
  materialized: 'table',
  grain: 'one row per (subject_id, arrest cycle, convicted or not) with a Prop 64 charge',
  sql: () => sql`
select s.subject_id, s.cycle, s.is_conviction, min(c.code_section) as code_section
from ${ref(fold_prop64_lines)} s
join (select * from ${ref(stg_charge_codes_folded)} c where ${raw(chargesProp64('c'))}) c on c.charge_id = s.charge_id
group by all`,
}
