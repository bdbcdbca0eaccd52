import { sql } from 'kysely'
import type { Model } from '../model.ts'
import { raw, ref } from '../helpers/model-sql.ts'
import { stg_doj_rows } from '../staging/stg_doj_rows.ts'
import { stg_charge_codes } from '../staging/stg_charge_codes.ts'

/** The arrest cycle: CYC_ORDER, else the first three digits of CNT_ORDER (which encode the cycle). */
export const cycleOf = (t: string): string =>
  `coalesce(try_cast(${t}.cyc_order as integer), try_cast(left(${t}.cnt_order, 3) as integer))`

/** A line of `t` charging a Prop 64 offense: HS 11357–11360, at any step. */
export const chargesProp64 = (t: string): string =>
  `${t}.code_type = 'HS' and ${t}.section in ('11357', '11358', '11359', '11360')`

/**
 * Where a person was charged with a Prop 64 offense (HS 11357–11360) at any step, convicted or not: one row per
 * person, arrest cycle and outcome. A PC 32 accessory is tied to such a cycle (int_prop64_counts), and a policy
 * anchors related charges on a Prop 64 charge that ended without a Prop 64 conviction (elig_policy_determinations).
 * Kept in the database (the line table is the run's only), so the policy layer can be built again from it.
 */
export const int_prop64_charges: Model = {
  name: 'int_prop64_charges',
  layer: 'intermediate',
  materialized: 'table',
  grain: 'one row per (subject_id, arrest cycle, convicted or not) with a Prop 64 charge',
  sql: () => sql`
select s.subject_id, ${raw(cycleOf('s'))} as cycle, s.is_conviction, min(c.code_section) as code_section
from ${ref(stg_doj_rows)} s
-- The few Prop 64 texts first: the lines are then matched against a small table.
join (select * from ${ref(stg_charge_codes)} c where ${raw(chargesProp64('c'))}) c on c.charge_text = s.charge_text
where s.subject_id is not null
group by all`,
}
