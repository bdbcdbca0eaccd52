import { sql } from 'kysely'
import type { Model } from '../model.ts'
import { ref } from '../helpers/model-sql.ts'
import { mart_data_quality } from './mart_data_quality.ts'
import { ingest_rejects } from '../staging/ingest_rejects.ts'

/**
 * The data-quality table as published (public/marts/mart_data_quality.*): mart_data_quality plus one row per
 * kind of rejected input line. Rejected lines count lines of the input file, not people, and only the error
 * type is published (an error message can quote the line's text). A view, because ingest_rejects is filled
 * after the models are built.
 */
export const mart_public_data_quality: Model = {
  name: 'mart_public_data_quality',
  layer: 'mart',
  materialized: 'view',
  grain: "one row per check ('review', 'missing', 'date_range', 'rejected') x item",
  sql: () => sql`
select "check", item, detail, counts, people, first_date, last_date from ${ref(mart_data_quality)}
union all
select 'rejected', split_part(reason, ':', 1), 'input lines not loaded (counts = lines)', count(*)::int,
  null::int, null::date, null::date
from ${ref(ingest_rejects)} group by 2`,
}
