/**
 * SQL of the DOJ result files: the extract's own rows, unchanged and in file order, followed by the
 * eligibility columns the DOJ and earlier tools used (data-contracts/outputs/doj-results.contract.ts). The
 * values come from mart_doj_count_values and mart_doj_subject_values; the rows are the input files read
 * again, which no model can hold.
 *
 * Which rows (DojRows): by default ('counts') only the rows the DOJ has to update, the CONVICTED lines of
 * in-scope counts, each in the file of its own count's county; with `--doj-rows all`, every row of every
 * person with an in-scope count in a county (a person with counts in two counties is in both files).
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
import {
  ELIGIBILITY_COLUMNS,
  type EligibilityColumn,
} from '../../data-contracts/outputs/doj-results.contract.ts'

/** Which input rows a DOJ result file carries (`--doj-rows`). */
export type DojRows = 'counts' | 'all'
export const DOJ_ROWS: readonly DojRows[] = ['counts', 'all']

export const INPUT_TABLE = 'doj_result_input'
export const ROWS_TABLE = 'doj_result_rows'
export const SCOPE_TABLE = 'doj_result_scope'
export const COUNT_VALUES_TABLE = 'doj_result_count_values'
export const SUBJECT_VALUES_TABLE = 'doj_result_subject_values'
/** county → file number, the COPY's partition key (a number: county names are not folder names). */
export const FILES_TABLE = 'doj_result_files'
/** The column the single partitioned COPY splits the files by. */
export const FILE_COLUMN = 'file_no'

/** Subjects per county: anyone with an in-scope count in that county's courts. */
export const SCOPE_SQL = `create or replace temp table ${SCOPE_TABLE} as
select distinct county, subject_id from mart_doj_count_values`

/**
 * The input rows of in-scope people, with their position: file index and row_number() over () (which, with
 * preserve_insertion_order on, numbers rows in file order), filtered outside the numbering. Materialised
 * before any join: DuckDB cannot estimate a CSV's size and would build its hash tables from the wide rows.
 * The join keys are plain columns (a LIKE in an ON clause made DuckDB fall back to a nested-loop join).
 */
export function inputTableSql(reads: readonly string[], rows: DojRows = 'counts'): string {
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
where ${
    rows === 'all'
      ? `row_subject in (select subject_id from ${SCOPE_TABLE})`
      : // Only the lines of in-scope counts: most of a statewide file is never materialised.
        `(row_subject, row_conviction_count) in (select (subject_id, cnt_order) from ${COUNT_VALUES_TABLE})`
  }`
}

/** The count- and person-level values, materialised once for the join (their SQL is in the marts). */
export const COUNT_VALUES_SQL = `create or replace temp table ${COUNT_VALUES_TABLE} as
select * from mart_doj_count_values`

/** The files in name order with their number; call with the counties sorted (uniqueSlugs' order). */
export const filesTableSql = (counties: readonly (string | null)[]): string =>
  `create or replace temp table ${FILES_TABLE} as
select * from (values ${counties.map((c, i) => `(${c === null ? 'null::varchar' : lit(c)}, ${i})`).join(', ')})
  f(county, ${FILE_COLUMN})`

export const SUBJECT_VALUES_SQL = `create or replace temp table ${SUBJECT_VALUES_TABLE} as
select * from mart_doj_subject_values`

const q = (name: string) => `"${name}"`

/** Every output row of every county in one table, with its file number and its position in the input. */
export function rowsTableSql(rows: DojRows = 'counts'): string {
  const isCount = 'cv.subject_id is not null'
  const either = (count: string, subject: string) => `case when ${isCount} then ${count} else ${subject} end`
  // Every column of the contract has its value here (the type says so); the contract gives the order.
  const eligibility: Record<EligibilityColumn, string> = {
    IN_SCOPE_COUNT: `(${isCount})::varchar`,
    NUMBER_OF_CONVICTIONS_ON_RECORD: 'sv.convictions_on_record',
    OCCURRED_AFTER_2016_11_09: 'cv.occurred_after',
    SUPERSTRIKE_CODE_SECTIONS: either('cv.superstrike_sections', 'sv.superstrike_sections'),
    PC290_CODE_SECTIONS: either('cv.pc290_sections', 'sv.pc290_sections'),
    PC290_REGISTRATION: either('cv.pc290_registration', 'sv.pc290_registration'),
    DATE_OF_CONVICTION: 'cv.conviction_date',
    YEARS_SINCE_THIS_CONVICTION: 'cv.years_since_this',
    YEARS_SINCE_ANY_CONVICTION: 'sv.years_since_any',
    COUNTS_PER_CODE_SECTION: 'sv.per_section',
    DECEASED: 'sv.deceased',
    DETERMINATION: 'cv.determination',
    REASON: 'cv.reason',
    RELIEF: 'cv.remedy',
    RULE_ID: 'cv.rule_id',
    REDUCED_LEVEL: 'cv.reduced_level',
  }
  const cols = [
    `f.${FILE_COLUMN}`,
    'r.file_idx',
    'r.line_seq',
    ...DOJ_COLUMN_NAMES.map((n) => `r.${q(n)}`),
    ...ELIGIBILITY_COLUMNS.map((c) => `${eligibility[c]} as ${c}`),
  ]
  return `create or replace temp table ${ROWS_TABLE} as
select
  ${cols.join(',\n  ')}
from ${INPUT_TABLE} r
${
  rows === 'all'
    ? `join ${SCOPE_TABLE} sc on sc.subject_id = r.row_subject
left join ${COUNT_VALUES_TABLE} cv on cv.subject_id = r.row_subject and cv.cnt_order = r.row_conviction_count`
    : `join ${COUNT_VALUES_TABLE} cv on cv.subject_id = r.row_subject and cv.cnt_order = r.row_conviction_count`
}
left join ${SUBJECT_VALUES_TABLE} sv on sv.subject_id = r.row_subject
join ${FILES_TABLE} f on f.county is not distinct from ${rows === 'all' ? 'sc.county' : 'cv.county'}`
}

/**
 * Every county's file in one COPY, split by file number into <dir>/file_no=N/ (the step renames each to
 * <county>_results.csv), each in file order.
 */
/** Every result row, in file order within each output file. */
export const RESULTS_SELECT = `select * exclude (file_idx, line_seq) from ${ROWS_TABLE} order by ${FILE_COLUMN}, file_idx, line_seq`

/** One COPY writes every county's file, partitioned by file number (the caller may make the SELECT safe first). */
export const copyResultsSql = (dir: string, select: string = RESULTS_SELECT): string =>
  `copy (${select})
to ${lit(dir)} (format csv, header true, delimiter ',', partition_by (${FILE_COLUMN}), overwrite_or_ignore true)`

export const DROP_SQL = [
  INPUT_TABLE,
  ROWS_TABLE,
  SCOPE_TABLE,
  COUNT_VALUES_TABLE,
  SUBJECT_VALUES_TABLE,
  FILES_TABLE,
]
  .map((t) => `drop table if exists ${t}`)
  .join(';\n')
