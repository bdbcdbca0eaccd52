/**
 * SQL of the DOJ result files: the extract's own rows for every subject with an in-scope count in a county,
 * unchanged and in file order, followed by the eligibility columns the DOJ and earlier tools used.
 *
 * Which value a row carries: a row that is an in-scope count (a CONVICTED line of a count in
 * count_determinations, every sentence part of it) gets that count's values: its conviction date, its
 * determination and reason, and the disqualifiers the rules weighed for it (those dated before its offense).
 * Every other row of the person (arrests, other offenses, registration steps) gets the person-level values
 * (convictions on record, years since any conviction, counts per code section, deceased, and every
 * super-strike / PC 290 item on the whole record) and blanks in the count-level columns.
 */
import { DOJ_COLUMN_NAMES } from '../../data-contracts/doj-extract.contract.ts'
import { lit } from '../../sql/helpers/quote.ts'

/** Appended after the 95 DOJ columns, in this order. */
export const ELIGIBILITY_COLUMNS = [
  'IN_SCOPE_COUNT',
  'NUMBER_OF_CONVICTIONS_ON_RECORD',
  'OCCURRED_AFTER_2016_11_09',
  'SUPERSTRIKE_CODE_SECTIONS',
  'PC290_CODE_SECTIONS',
  'PC290_REGISTRATION',
  'DATE_OF_CONVICTION',
  'YEARS_SINCE_THIS_CONVICTION',
  'YEARS_SINCE_ANY_CONVICTION',
  'COUNTS_PER_CODE_SECTION',
  'DECEASED',
  'DETERMINATION',
  'REASON',
  'RELIEF',
  'RULE_ID',
] as const

export const INPUT_TABLE = 'doj_result_input'
export const ROWS_TABLE = 'doj_result_rows'
export const SCOPE_TABLE = 'doj_result_scope'
export const COUNT_VALUES_TABLE = 'doj_result_count_values'
export const SUBJECT_VALUES_TABLE = 'doj_result_subject_values'

/** Subjects per county: anyone with an in-scope count in that county's courts. */
export const SCOPE_SQL = `create or replace temp table ${SCOPE_TABLE} as
select distinct county, subject_id from count_determinations`

/**
 * The input rows of in-scope people, with their position: file index and row_number() over () (which, with
 * preserve_insertion_order on, numbers rows in file order), filtered outside the numbering. Materialised
 * before any join: DuckDB cannot estimate a CSV's size and would build its hash tables from the wide rows.
 * The join keys are plain columns (a LIKE in an ON clause made DuckDB fall back to a nested-loop join).
 */
export function inputTableSql(reads: readonly string[]): string {
  const files = reads.map(
    (r, i) => `select ${i}::integer as file_idx, row_number() over () as line_seq,
  trim(SUBJECT_ID) as row_subject,
  case when upper(trim(DISP_DESCR)) like 'CONVICTED%' then trim(CNT_ORDER) end as row_conviction_count,
  * from ${r}`,
  )
  return `create or replace temp table ${INPUT_TABLE} as
select * from (
${files.join('\nunion all\n')}
) numbered
where row_subject in (select subject_id from ${SCOPE_TABLE})`
}

const years = (from: string) =>
  `cast(round(datediff('day', ${from}, (select as_of_date from run_params)) / 365.25, 2) as decimal(8, 2))::varchar`

const yyyymmdd = (d: string) => `strftime(${d}, '%Y%m%d')`

export const COUNT_VALUES_SQL = `create or replace temp table ${COUNT_VALUES_TABLE} as
select
  subject_id,
  cnt_order,
  (coalesce(offense_date, conviction_date)::date >= date '2016-11-09')::varchar as occurred_after,
  nullif(prior_superstrike_sections, '') as superstrike_sections,
  nullif(prior_pc290_sections, '') as pc290_sections,
  prior_pc290_registration::varchar as pc290_registration,
  ${yyyymmdd('conviction_date::date')} as conviction_date,
  ${years('conviction_date::date')} as years_since_this,
  determination,
  reason,
  remedy,
  rule_id
from count_determinations`

export const SUBJECT_VALUES_SQL = `create or replace temp table ${SUBJECT_VALUES_TABLE} as
with people as (select distinct subject_id from ${SCOPE_TABLE}),
convictions as (
  select c.subject_id, count(*) as n,
    max(c.conviction_date) filter (where c.conviction_date <= (select as_of_date from run_params)) as latest
  from int_convictions c join people using (subject_id)
  group by all
),
sections as (
  select subject_id, string_agg(code_section || ' x' || n, '; ' order by code_section) as per_section
  from (
    select p.subject_id, p.code_section, count(*) as n
    from int_prop64_counts p join people using (subject_id)
    group by all
  )
  group by all
),
disqualifiers as (
  select e.subject_id,
    array_to_string(list_sort(list_distinct(list(e.code_section) filter (where e.kind = 'superstrike'))), '; ')
      as superstrike_sections,
    array_to_string(list_sort(list_distinct(list(e.code_section) filter (where e.kind = 'pc290c'))), '; ')
      as pc290_sections,
    bool_or(e.kind = 'pc290_registration') as pc290_registration
  from int_disqualifier_events e join people using (subject_id)
  group by all
)
select
  p.subject_id,
  coalesce(c.n, 0)::varchar as convictions_on_record,
  ${years('c.latest')} as years_since_any,
  s.per_section,
  coalesce(su.deceased, false)::varchar as deceased,
  nullif(d.superstrike_sections, '') as superstrike_sections,
  nullif(d.pc290_sections, '') as pc290_sections,
  coalesce(d.pc290_registration, false)::varchar as pc290_registration
from people p
left join convictions c using (subject_id)
left join sections s using (subject_id)
left join disqualifiers d using (subject_id)
left join int_subjects su using (subject_id)`

const q = (name: string) => `"${name}"`

/**
 * Every output row of every county in one table, sorted by county then file position, so each county's
 * COPY reads only its own row groups. A person with counts in two counties has their rows in both.
 */
export function rowsTableSql(): string {
  const isCount = 'cv.subject_id is not null'
  const either = (count: string, subject: string) => `case when ${isCount} then ${count} else ${subject} end`
  const cols = [
    'sc.county as row_county',
    'r.file_idx',
    'r.line_seq',
    ...DOJ_COLUMN_NAMES.map((n) => `r.${q(n)}`),
    `(${isCount})::varchar as IN_SCOPE_COUNT`,
    `sv.convictions_on_record as NUMBER_OF_CONVICTIONS_ON_RECORD`,
    `cv.occurred_after as OCCURRED_AFTER_2016_11_09`,
    `${either('cv.superstrike_sections', 'sv.superstrike_sections')} as SUPERSTRIKE_CODE_SECTIONS`,
    `${either('cv.pc290_sections', 'sv.pc290_sections')} as PC290_CODE_SECTIONS`,
    `${either('cv.pc290_registration', 'sv.pc290_registration')} as PC290_REGISTRATION`,
    `cv.conviction_date as DATE_OF_CONVICTION`,
    `cv.years_since_this as YEARS_SINCE_THIS_CONVICTION`,
    `sv.years_since_any as YEARS_SINCE_ANY_CONVICTION`,
    `sv.per_section as COUNTS_PER_CODE_SECTION`,
    `sv.deceased as DECEASED`,
    `cv.determination as DETERMINATION`,
    `cv.reason as REASON`,
    `cv.remedy as RELIEF`,
    `cv.rule_id as RULE_ID`,
  ]
  return `create or replace temp table ${ROWS_TABLE} as
select
  ${cols.join(',\n  ')}
from ${INPUT_TABLE} r
join ${SCOPE_TABLE} sc on sc.subject_id = r.row_subject
left join ${SUBJECT_VALUES_TABLE} sv on sv.subject_id = r.row_subject
left join ${COUNT_VALUES_TABLE} cv on cv.subject_id = r.row_subject and cv.cnt_order = r.row_conviction_count
order by row_county nulls last, r.file_idx, r.line_seq`
}

/** One county's file (county NULL: counts whose court county was not recorded). */
export function countyResultsSql(county: string | null): string {
  const match = county === null ? 'row_county is null' : `row_county = ${lit(county)}`
  return `select * exclude (row_county, file_idx, line_seq) from ${ROWS_TABLE} where ${match} order by file_idx, line_seq`
}

export const DROP_SQL = [INPUT_TABLE, ROWS_TABLE, SCOPE_TABLE, COUNT_VALUES_TABLE, SUBJECT_VALUES_TABLE]
  .map((t) => `drop table if exists ${t}`)
  .join(';\n')
