import { sql } from 'kysely'
import type { Model } from '../model.ts'
import { raw, ref } from '../helpers/model-sql.ts'
import { count_determinations } from '../determinations/count_determinations.ts'
import { publicCounty } from '../helpers/public-county.ts'
import { ageBand } from '../helpers/sql-fragments.ts'

/**
 * One scenario's cells for `relief compare`: the run's count_determinations aggregated by every dimension
 * the comparison reports, with convictions (rows) and people (distinct subjects) in each. compare appends
 * each scenario's rows to its tidy table (pipelines/compare/compare-table.ts) after rebuilding the policy
 * layer. A view: it is read once per scenario.
 */
export const mart_scenario_cells: Model = {
  name: 'mart_scenario_cells',
  layer: 'mart',
  materialized: 'view',
  grain:
    'one row per charge kind x county x code section x level x determination x layer x race group x gender x age band, where counts exist',
  sql: () => sql`
select
  case when is_related then 'related' else 'prop64' end as charge_kind,
  ${publicCounty('county')} as county,
  coalesce(code_section, 'unknown') as code_section,
  coalesce(conviction_level, 'unknown') as conviction_level,
  determination,
  layer,
  race_group,
  coalesce(gender, 'unknown') as gender,
  ${raw(ageBand('age_at_conviction'))} as age_band,
  count(*) as convictions,
  count(distinct subject_id) as people
from ${ref(count_determinations)}
group by all`,
}
