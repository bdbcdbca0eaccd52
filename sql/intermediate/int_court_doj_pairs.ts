import { sql } from 'kysely'
import type { Model } from '../model.ts'
import { raw, ref } from '../helpers/model-sql.ts'
import { int_prop64_counts } from './int_prop64_counts.ts'
import { int_subjects } from './int_subjects.ts'
import { stg_court_index_rows } from '../staging/stg_court_index_rows.ts'
import { run_params } from '../seeds/run_params.ts'
import { caseKey, nameKey } from '../helpers/court-fragments.ts'

/**
 * Which court charge each in-scope DOJ count is the same conviction as. Cases are matched within a county:
 * first by normalised case number; a DOJ case no court case number matches is then matched by the person
 * (surname + first name + DOB, any of the DOJ's names) to a court case no DOJ case number matches, on the same
 * conviction date, or on the same section within 90 days (nearest first). Inside a matched case, counts pair
 * first with convicted charges the court records identically (section, level, date), then with charges of the same
 * base section (those no exact pair took first), then leftover counts with leftover charges. Within each step the
 * k-th count takes the k-th charge and, when the DOJ has more counts than the court has charges, the extra counts
 * share the last one: one court charge can stand for several DOJ counts. Co-defendants share a case number: a DOJ person pairs
 * only with that person's charges when the court names them. A DOJ count with no court case is DOJ-only.
 */
export const int_court_doj_pairs: Model = {
  name: 'int_court_doj_pairs',
  layer: 'intermediate',
  materialized: 'table',
  grain: 'one row per in-scope DOJ Prop 64 count (subject_id, cnt_order), with its court charge when matched',
  sql: () => sql`
with doj as (
  select c.subject_id, c.cnt_order, c.county, c.case_number, ${raw(caseKey('c.case_number'))} as case_key,
    c.base_section, c.code_section, c.conviction_level, c.conviction_date, s.dob,
    list_transform(s.names, n -> ${raw(nameKey('n'))}) as name_keys
  from ${ref(int_prop64_counts)} c join ${ref(int_subjects)} s using (subject_id)
  where (select county_filter from ${ref(run_params)}) is null or c.county = (select county_filter from ${ref(run_params)})
),
crt as (
  select * from ${ref(stg_court_index_rows)}
  where reject_reason is null
    and ((select county_filter from ${ref(run_params)}) is null or county = (select county_filter from ${ref(run_params)}))
),
doj_cases as (select distinct subject_id, county, case_key from doj where case_key is not null),
court_cases as (select distinct county, case_key from crt),
by_number as (
  select d.subject_id, d.county, d.case_key, c.case_key as court_case_key, 'case_number' as matched_by
  from doj_cases d join court_cases c using (county, case_key)
),
candidates as (
  -- Unmatched DOJ cases against unmatched court cases of the same person in the same county.
  select d.subject_id, d.county, d.case_key, c.case_key as court_case_key,
    min(abs(date_diff('day', d.conviction_date, c.disposition_date))) as days_apart,
    bool_or(d.conviction_date = c.disposition_date) as same_day,
    bool_or(d.base_section = c.base_section
      and abs(date_diff('day', d.conviction_date, c.disposition_date)) <= 90) as same_section_near
  from doj d
  join crt c on c.county = d.county and c.dob = d.dob and list_contains(d.name_keys, c.name_key)
  where not exists (select 1 from by_number b
                    where b.subject_id = d.subject_id and b.county = d.county and b.case_key = d.case_key)
    and not exists (select 1 from by_number b where b.county = c.county and b.court_case_key = c.case_key)
  group by all
),
by_person as (
  select subject_id, county, case_key, court_case_key, 'name_dob' as matched_by
  from candidates
  where same_day or same_section_near
  qualify row_number() over (partition by subject_id, county, case_key order by days_apart, court_case_key) = 1
),
case_matches as (select * from by_number union all select * from by_person),
matched_doj as (
  select d.*, m.court_case_key, m.matched_by
  from doj d join case_matches m using (subject_id, county, case_key)
),
charges as (
  -- The court charges each matched DOJ person may pair with: their own where the court names them, else all.
  select m.subject_id, m.county, m.court_case_key, c.*
  from (select distinct subject_id, county, court_case_key, dob, name_keys from matched_doj) m
  join crt c on c.county = m.county and c.case_key = m.court_case_key
  where (c.dob = m.dob and list_contains(m.name_keys, c.name_key))
     or not exists (select 1 from crt o where o.county = m.county and o.case_key = m.court_case_key
                    and o.dob = m.dob and list_contains(m.name_keys, o.name_key))
),
exact_doj as (
  -- First, counts the court records identically (section, level, date, convicted): k-th with k-th, extra counts
  -- sharing the group's last charge.
  select d.subject_id, d.cnt_order, d.matched_by,
    row_number() over (partition by d.subject_id, d.county, d.court_case_key, d.code_section, d.conviction_level,
      d.conviction_date order by d.cnt_order) as k
  from matched_doj d
  where exists (select 1 from charges c where c.subject_id = d.subject_id and c.county = d.county
                and c.court_case_key = d.court_case_key and c.is_conviction
                and c.code_section is not distinct from d.code_section
                and c.conviction_level is not distinct from d.conviction_level
                and c.disposition_date is not distinct from d.conviction_date)
),
exact_charges as (
  select subject_id, county, court_case_key, code_section, conviction_level, disposition_date, file_index, record,
    row_number() over (partition by subject_id, county, court_case_key, code_section, conviction_level, disposition_date
                       order by file_index, record) as k,
    count(*) over (partition by subject_id, county, court_case_key, code_section, conviction_level, disposition_date) as n
  from charges where is_conviction
),
paired_exact as (
  select e.subject_id, e.cnt_order, e.matched_by, c.file_index, c.record
  from exact_doj e
  join matched_doj d using (subject_id, cnt_order)
  join exact_charges c on c.subject_id = d.subject_id and c.county = d.county and c.court_case_key = d.court_case_key
    and c.code_section is not distinct from d.code_section and c.conviction_level is not distinct from d.conviction_level
    and c.disposition_date is not distinct from d.conviction_date and c.k = least(e.k, c.n)
),
same_section as (
  -- Then the rest within the same base section, charges no exact pair took first.
  select d.subject_id, d.cnt_order, d.matched_by, d.court_case_key,
    row_number() over (partition by d.subject_id, d.county, d.court_case_key, d.base_section
      order by d.code_section, d.conviction_level, d.conviction_date, d.cnt_order) as k
  from matched_doj d anti join paired_exact p using (subject_id, cnt_order)
  where exists (select 1 from charges c where c.subject_id = d.subject_id and c.county = d.county
                and c.court_case_key = d.court_case_key and c.base_section = d.base_section)
),
section_charges as (
  select c.subject_id, c.county, c.court_case_key, c.base_section, c.file_index, c.record,
    row_number() over (partition by c.subject_id, c.county, c.court_case_key, c.base_section
                       order by u.record is not null, c.is_conviction desc, c.code_section, c.conviction_level, c.disposition_date,
                         c.file_index, c.record) as k,
    count(*) over (partition by c.subject_id, c.county, c.court_case_key, c.base_section) as n
  from charges c
  left join (select distinct file_index, record from paired_exact) u using (file_index, record)
),
paired_section as (
  select s.subject_id, s.cnt_order, s.matched_by, c.file_index, c.record
  from same_section s
  join matched_doj d using (subject_id, cnt_order)
  join section_charges c on c.subject_id = d.subject_id and c.county = d.county
    and c.court_case_key = d.court_case_key and c.base_section = d.base_section and c.k = least(s.k, c.n)
),
paired_same as (select * from paired_exact union all select * from paired_section),
leftover_doj as (
  select d.*,
    row_number() over (partition by d.subject_id, d.county, d.court_case_key order by d.cnt_order) as k
  from matched_doj d anti join paired_same p using (subject_id, cnt_order)
),
leftover_charges as (
  -- Charges of a section no DOJ count of the case has: cannabis convictions first.
  select c.subject_id, c.county, c.court_case_key, c.file_index, c.record,
    row_number() over (partition by c.subject_id, c.county, c.court_case_key
                       order by c.is_cannabis and c.is_conviction desc, c.is_conviction desc, c.file_index, c.record) as k,
    count(*) over (partition by c.subject_id, c.county, c.court_case_key) as n
  from charges c
  where not exists (select 1 from matched_doj d where d.subject_id = c.subject_id and d.county = c.county
                    and d.court_case_key = c.court_case_key and d.base_section is not distinct from c.base_section)
),
first_charge as (
  select subject_id, county, court_case_key, file_index, record
  from charges
  qualify row_number() over (partition by subject_id, county, court_case_key
                             order by is_cannabis and is_conviction desc, is_conviction desc, file_index, record) = 1
),
paired_leftover as (
  select l.subject_id, l.cnt_order, l.matched_by,
    coalesce(c.file_index, f.file_index) as file_index, coalesce(c.record, f.record) as record
  from leftover_doj l
  left join leftover_charges c on c.subject_id = l.subject_id and c.county = l.county
    and c.court_case_key = l.court_case_key and c.k = least(l.k, c.n)
  left join first_charge f on f.subject_id = l.subject_id and f.county = l.county
    and f.court_case_key = l.court_case_key
),
pairs as (select * from paired_same union all select * from paired_leftover)
select d.subject_id, d.cnt_order, d.county, d.case_number, d.case_key, p.matched_by, p.file_index, p.record
from doj d left join pairs p using (subject_id, cnt_order)`,
}
