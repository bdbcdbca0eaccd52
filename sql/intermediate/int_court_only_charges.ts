import { sql } from 'kysely'
import type { Model } from '../model.ts'
import { raw, ref } from '../helpers/model-sql.ts'
import { stg_court_index_rows } from '../staging/stg_court_index_rows.ts'
import { int_court_doj_pairs } from './int_court_doj_pairs.ts'
import { int_subjects } from './int_subjects.ts'
import { run_params } from '../seeds/run_params.ts'
import { nameKey } from '../helpers/court-fragments.ts'

/**
 * Cannabis convictions in the court index that no DOJ count stands for, each given a person: the DOJ subject
 * whose case it is (when the DOJ knows the case but not this count), else the one DOJ subject with the same
 * name and DOB anywhere in the state, else a court-only person (COURT-…) whose criminal history nobody supplied.
 */
export const int_court_only_charges: Model = {
  name: 'int_court_only_charges',
  layer: 'intermediate',
  materialized: 'table',
  grain: 'one row per court index cannabis conviction with no DOJ count (file_index, record)',
  sql: () => sql`
with crt as (
  select * from ${ref(stg_court_index_rows)}
  where reject_reason is null
    and ((select county_filter from ${ref(run_params)}) is null or county = (select county_filter from ${ref(run_params)}))
),
paired as (select distinct file_index, record from ${ref(int_court_doj_pairs)} where record is not null),
court_only as (
  select c.* from crt c anti join paired p using (file_index, record)
  where c.is_cannabis and c.is_conviction
),
people as (
  select subject_id, dob, list_transform(names, n -> ${raw(nameKey('n'))}) as name_keys from ${ref(int_subjects)}
),
case_subject as (
  -- DOJ people whose count was paired with a charge of this court case, and whether the charge names them.
  select o.file_index, o.record, p.subject_id,
    (o.dob = s.dob and list_contains(s.name_keys, o.name_key)) as same_person
  from court_only o
  join crt k on k.county = o.county and k.case_key = o.case_key
  join ${ref(int_court_doj_pairs)} p on p.file_index = k.file_index and p.record = k.record
  join people s on s.subject_id = p.subject_id
  group by all
),
by_case as (
  select file_index, record, subject_id from case_subject
  qualify count(*) over (partition by file_index, record) = 1 or same_person
),
by_person as (
  select o.file_index, o.record, min(s.subject_id) as subject_id
  from court_only o join people s on s.dob = o.dob and list_contains(s.name_keys, o.name_key)
  group by all
  having count(distinct s.subject_id) = 1
)
select
  o.*,
  coalesce(bc.subject_id, bp.subject_id,
    'COURT-' || case when o.name_key is not null and o.dob is not null
      then left(md5(o.name_key || '|' || o.dob::varchar), 12)
      else o.file_index::varchar || '-' || o.record::varchar end) as subject_id,
  -- A key no DOJ count has, that still sorts and joins like CNT_ORDER: file and record of the court line.
  'COURT:' || o.file_index::varchar || ':' || lpad(o.record::varchar, 9, '0') as cnt_order,
  coalesce(bc.subject_id, bp.subject_id) is not null as doj_history_known,
  case when bc.subject_id is not null then 'case' when bp.subject_id is not null then 'name_dob' end
    as doj_person_matched_by,
  exists (select 1 from ${ref(int_court_doj_pairs)} p join crt k on p.file_index = k.file_index and p.record = k.record
          where k.county = o.county and k.case_key = o.case_key) as case_known_to_doj
from court_only o
left join (select file_index, record, min(subject_id) as subject_id from by_case group by all) bc
  using (file_index, record)
left join by_person bp using (file_index, record)`,
}
