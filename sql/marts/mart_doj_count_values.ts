import { sql } from 'kysely'
import type { Model } from '../model.ts'
import { raw, ref } from '../helpers/model-sql.ts'
import { count_determinations } from '../determinations/count_determinations.ts'
import { AUMA_EFFECTIVE } from '../helpers/sql-fragments.ts'
import { yearsToAsOf } from '../helpers/years.ts'

/**
 * The count-level values of the DOJ result files (restricted/doj/): for each in-scope count, its conviction
 * date, determination, reason, relief and rule, and the disqualifiers the rules weighed for it (those dated
 * before its offense), and what a reduction asks for (REDUCED_LEVEL). The DOJ step joins them to the
 * extract's own CONVICTED rows of the count, reading nothing else of the model graph. A view.
 */
export const mart_doj_count_values: Model = {
  name: 'mart_doj_count_values',
  layer: 'mart',
  materialized: 'view',
  grain: 'one row per decided count (subject_id, cnt_order), as count_determinations',
  sql: () => sql`
select
  county,
  subject_id,
  cnt_order,
  (coalesce(offense_date, conviction_date)::date >= ${raw(AUMA_EFFECTIVE)})::varchar as occurred_after,
  nullif(prior_superstrike_sections, '') as superstrike_sections,
  nullif(prior_pc290_sections, '') as pc290_sections,
  prior_pc290_registration::varchar as pc290_registration,
  strftime(conviction_date::date, '%Y%m%d') as conviction_date,
  ${yearsToAsOf('conviction_date::date')} as years_since_this,
  determination,
  reason,
  remedy,
  rule_id,
  reduced_level
from ${ref(count_determinations)}`,
}
