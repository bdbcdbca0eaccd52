import { sql } from 'kysely'
import type { Model } from '../model.ts'
import { raw, ref } from '../helpers/model-sql.ts'
import { ingest_rejects } from '../staging/ingest_rejects.ts'

/** How many rejected lines a reason names before it says "and N more" (rejects.csv has them all). */
const MAX_NAMED = 10

/**
 * People whose record the run could not read whole: a line of the input naming them was rejected at ingest.
 * Any of their convictions may be the missing one (a super strike, a prior, a sentence part, a registration),
 * so every Prop 64 count of theirs goes to review (rule P64-DATA-04) with the lines named. A rejected line
 * whose SUBJECT_ID cannot be read is tied to nobody here; mart_data_quality counts such lines.
 */
export const int_incomplete_histories: Model = {
  name: 'int_incomplete_histories',
  layer: 'intermediate',
  materialized: 'table',
  grain: 'one row per subject_id named by a rejected input line',
  sql: () => sql`
select
  subject_id,
  count(*)::int as rejected_lines,
  array_to_string(list_slice(list(parse_filename(file) || ' line ' || coalesce(line::varchar, '?')
    order by file, line), 1, ${raw(String(MAX_NAMED))}), ', ')
    || case when count(*) > ${raw(String(MAX_NAMED))} then ' and ' || (count(*) - ${raw(String(MAX_NAMED))}) || ' more' else '' end
    as rejected_line_refs
from (select unnest(subject_ids) as subject_id, file, line from ${ref(ingest_rejects)})
group by subject_id`,
}
