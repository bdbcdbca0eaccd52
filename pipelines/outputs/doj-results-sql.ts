/**
 * SQL of the DOJ result files: the extract's own rows, unchanged (ordered by person, count and line), followed by the
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
 *
 * How it stays fast (issue 11): parsing all 95 columns of every input line and having DuckDB's CSV writer
 * quote them again costs many times a plain scan. So, for an input whose every record is one physical line
 * (the run's ledger says so), the file is first read as whole lines, unparsed; only lines that may be wanted
 * (those mentioning "convicted" in any case, or every line with --doj-rows all) go to a candidate file, each
 * as `"<the line, quoted>",<the line>`. That small file is parsed with the run's own CSV options, so exactly
 * the same records parse with the same values; the exact row filter runs on those values, and each kept row
 * carries its original line, written back byte for byte. A line in which any field may start a spreadsheet
 * formula is instead rebuilt from its parsed values, made safe (the rule of every CSV we write). An input with
 * multi-line records or NUL bytes, or a line the whole-line read cannot take, is parsed in full and every row
 * rebuilt from its values: slower, same values.
 */
import { DOJ_COLUMN_NAMES, duckdbReadColumns } from '../../data-contracts/doj-extract.contract.ts'
import { lit } from '../../sql/helpers/quote.ts'
import { spreadsheetSafeSql } from '../../sql/helpers/spreadsheet-safe.ts'
import {
  DOJ_RESULT_COLUMNS,
  ELIGIBILITY_COLUMNS,
  type EligibilityColumn,
} from '../../data-contracts/outputs/doj-results.contract.ts'

/** Which input rows a DOJ result file carries (`--doj-rows`). */
export type DojRows = 'counts' | 'all'
export const DOJ_ROWS: readonly DojRows[] = ['counts', 'all']

export const INPUT_TABLE = 'doj_result_input'
/** Every output line with its file number and sort keys, built in parallel before the ordered COPY. */
export const ROWS_TABLE = 'doj_result_rows'
export const SCOPE_TABLE = 'doj_result_scope'
export const COUNT_VALUES_TABLE = 'doj_result_count_values'
export const SUBJECT_VALUES_TABLE = 'doj_result_subject_values'
/** county → file number, the COPY's partition key (a number: county names are not folder names). */
export const FILES_TABLE = 'doj_result_files'
/** The column the single partitioned COPY splits the files by. */
export const FILE_COLUMN = 'file_no'

/**
 * Separator of the whole-line read and of the line-at-a-time writes: a control character no extract holds.
 * The whole-line read is strict, so a line that does hold it fails the read (the input is then parsed in full)
 * rather than being cut short.
 */
const LINE_DELIM = lit(String.fromCharCode(1))
/** Write each value as it is: the values written with it are already CSV text. */
const LINE_WRITE = `format csv, delimiter ${LINE_DELIM}, quote '', escape ''`

/** Subjects per county: anyone with an in-scope count in that county's courts. */
export const SCOPE_SQL = `create or replace temp table ${SCOPE_TABLE} as
select distinct county, subject_id from mart_doj_count_values`

/** The count- and person-level values, materialised once for the join (their SQL is in the marts). */
export const COUNT_VALUES_SQL = `create or replace temp table ${COUNT_VALUES_TABLE} as
select * from mart_doj_count_values`

export const SUBJECT_VALUES_SQL = `create or replace temp table ${SUBJECT_VALUES_TABLE} as
select * from mart_doj_subject_values`

/** The files in name order with their number; call with the counties sorted (uniqueSlugs' order). */
export const filesTableSql = (counties: readonly (string | null)[]): string =>
  `create or replace temp table ${FILES_TABLE} as
select * from (values ${counties.map((c, i) => `(${c === null ? 'null::varchar' : lit(c)}, ${i})`).join(', ')})
  f(county, ${FILE_COLUMN})`

/** One input file as the run read it. */
export interface ResultInput {
  file: string
  has_header: boolean
}

/** The input as whole physical lines (header skipped), nothing parsed. */
const linesSql = (input: ResultInput): string =>
  `read_csv(${lit(input.file)}, header=${input.has_header}, auto_detect=false, delim=${LINE_DELIM}, quote='', escape='', strict_mode=true, columns={'doj_line': 'VARCHAR'})`

/**
 * The candidate lines of one input written to `path`, each as `"<line quoted>",<line>`: a superset of the wanted
 * rows (a CONVICTED line contains the word whatever its case, wherever its field). Nothing numbers them: the
 * result files are ordered by person, count and line text, not by position in the input.
 */
export const candidatesSql = (input: ResultInput, path: string, rows: DojRows): string =>
  `copy (select '"' || replace(doj_line, '"', '""') || '",' || doj_line from ${linesSql(input)}${
    rows === 'all' ? '' : `\nwhere doj_line ilike '%convicted%'`
  }) to ${lit(path)} (${LINE_WRITE}, header false)`

/** The columns of a candidate file: the original line, then the DOJ columns. */
export const CANDIDATE_COLUMNS = duckdbReadColumns().replace('{', `{'doj_line': 'VARCHAR', `)

/**
 * read_csv with the options ingest used (pipelines/ingest/raw-source.ts: explicit VARCHAR columns, strict
 * CSV), so exactly the same lines parse; `columns` is the DOJ columns, after the original line for a
 * candidate file. Malformed lines are skipped with ignore_errors rather than store_rejects: the run already
 * recorded them in rejects.csv, and this read must not write tables.
 */
export const parseSql = (file: string, header: boolean, columns: string): string =>
  `read_csv(${lit(file)}, header=${header}, auto_detect=false, delim=',', quote='"', escape='"', strict_mode=true, columns=${columns}, ignore_errors=true)`

/** One value as a CSV field, as DuckDB's writer quotes it (NULL empty, the empty string ""). */
const csvField = (expr: string) =>
  `case when (${expr}) is null then '' when (${expr}) = '' or contains((${expr}), ',') or contains((${expr}), '"') or contains((${expr}), chr(10)) or contains((${expr}), chr(13)) then '"' || replace((${expr}), '"', '""') || '"' else (${expr}) end`

/**
 * Fields made spreadsheet-safe and joined into CSV text. One lambda over the list of values: each value
 * appears once in the SQL, so DuckDB does not hoist the repeated subexpressions out of a CASE and compute
 * them for every row.
 */
const csvText = (exprs: readonly string[]) =>
  `array_to_string(list_transform([${exprs.join(', ')}], v -> ${csvField(spreadsheetSafeSql('v'))}), ',')`

/** A line with a field that may start a formula (a superset: the rebuild decides field by field). */
const MAY_START_FORMULA = `(^|,)"?[=+\\-@\\t\\r]`

export const createInputTableSql = `create or replace temp table ${INPUT_TABLE} (
  file_idx integer, row_subject varchar, row_conviction_count varchar, doj_text varchar, may_start_formula boolean)`

/**
 * Appends one input's wanted rows to INPUT_TABLE. `source` is a candidate file (with its `doj_line`: kept as it is,
 * flagged when a field may start a formula; rebuildFormulaLinesSql then rebuilds only those) or the input itself
 * (no line: every row rebuilt from the parsed fields). Reading only the line and three fields keeps DuckDB from
 * parsing all 95 columns of every candidate.
 */
export function insertInputSql(fileIdx: number, source: string, hasLine: boolean, rows: DojRows): string {
  const text = hasLine ? 'doj_line' : csvText(DOJ_COLUMN_NAMES.map((n) => `"${n}"`))
  const flag = hasLine ? `regexp_matches(doj_line, '${MAY_START_FORMULA}')` : 'false'
  return `insert into ${INPUT_TABLE}
select ${fileIdx}, row_subject, row_conviction_count, ${text}, ${flag}
from (select trim(SUBJECT_ID) as row_subject,
  case when upper(trim(DISP_DESCR)) like 'CONVICTED%' then trim(CNT_ORDER) end as row_conviction_count,
  * from ${source})
where ${
    rows === 'all'
      ? `row_subject in (select subject_id from ${SCOPE_TABLE})`
      : // The join keys are plain columns (a LIKE in an ON clause made DuckDB fall back to a nested-loop join).
        `(row_subject, row_conviction_count) in (select (subject_id, cnt_order) from ${COUNT_VALUES_TABLE})`
  }`
}

/** The kept lines that may start a formula, as a candidate file (`"<line quoted>",<line>`) for rebuilding. */
export const formulaLinesSql = (path: string): string =>
  `copy (select distinct '"' || replace(doj_text, '"', '""') || '",' || doj_text from ${INPUT_TABLE}
where may_start_formula) to ${lit(path)} (${LINE_WRITE}, header false)`

/** Those lines rebuilt from their parsed values, each field made spreadsheet-safe. */
export const rebuildFormulaLinesSql = (parsed: string): string =>
  `update ${INPUT_TABLE} set doj_text = p.rebuilt, may_start_formula = false
from (select doj_line, ${csvText(DOJ_COLUMN_NAMES.map((n) => `"${n}"`))} as rebuilt from ${parsed}) p
where ${INPUT_TABLE}.may_start_formula and ${INPUT_TABLE}.doj_text = p.doj_line`

/**
 * Every result row as CSV text (the input's 95 fields, then the eligibility columns) with its file number, built
 * in parallel into ROWS_TABLE (the COPY that writes them runs on one thread to keep its order),
 * ordered within each output file by person, count and the line itself (a total order: reruns are byte-identical,
 * and numbering every input line to keep file order cost more than the rest of the step). The one text column is named by the whole header line.
 */
export function resultsTableSql(rows: DojRows = 'counts'): string {
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
  const values = csvText(ELIGIBILITY_COLUMNS.map((c) => `${eligibility[c]}::varchar`))
  return `create or replace temp table ${ROWS_TABLE} as
select f.${FILE_COLUMN}, r.row_subject, r.row_conviction_count, r.doj_text, r.doj_text || ',' || ${values} as line
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
 * One county's file: its rows, ordered, one COPY per file (run with preserve_insertion_order, so DuckDB keeps the
 * ORDER BY while writing on every thread; a partitioned COPY would need one thread to keep it).
 */
export const copyResultFileSql = (fileNo: number, path: string): string =>
  `copy (select line as "${DOJ_RESULT_COLUMNS.join(',')}" from ${ROWS_TABLE} where ${FILE_COLUMN} = ${fileNo}
  order by row_subject, row_conviction_count nulls first, doj_text)
to ${lit(path)} (${LINE_WRITE}, header true)`

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
