import { sql } from 'kysely'
import type { Model } from '../model.ts'
import { ref } from '../helpers/model-sql.ts'
import { count_determinations } from '../determinations/count_determinations.ts'
import { publicCounty } from '../helpers/public-county.ts'

/**
 * The conviction cells of the press summary (public/summary.json), statewide (grouping set ()) and per
 * county of the court: every in-scope count, by final determination and by relief track. `people` is the
 * number of distinct people behind a cell, used only to decide small-cell suppression. A view: it is read
 * once, when the summary is written.
 */
export const mart_summary_convictions: Model = {
  name: 'mart_summary_convictions',
  layer: 'mart',
  materialized: 'view',
  grain: "one row per area (statewide or county) x dimension ('all', 'determination', 'relief') x value",
  sql: () => sql`
with counts as (select * replace (${publicCounty('county')} as county) from ${ref(count_determinations)})
select grouping(county) = 1 as statewide, county, 'all' as dim, 'all' as value,
  count(*)::int as convictions, count(distinct subject_id)::int as people
from counts group by grouping sets ((), (county))
union all
select grouping(county) = 1, county, 'determination', determination, count(*)::int, count(distinct subject_id)::int
from counts group by grouping sets ((determination), (county, determination))
union all
select grouping(county) = 1, county, 'relief', remedy, count(*)::int, count(distinct subject_id)::int
from counts group by grouping sets ((remedy), (county, remedy))`,
}
