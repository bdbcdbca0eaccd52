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
 * quote them again costs many times a plain scan. By default the files are written from the input's own lines,
 * found by a scan in JavaScript (doj-results-lines.ts: about 40% less CPU at 2M rows, the same bytes), or, where the
 * native reader noted them, copied by the native writer (doj-native-lines.ts). Where that
 * path cannot go (--doj-rows all, an input with multi-line records, NUL bytes or rejected lines, or a line whose
 * quoting a plain split would read differently), the parsing path below writes them, and it is the reference the
 * line path is tested against. For an input whose every record is one physical line
 * (the run's ledger says so), the file is first read as whole lines, unparsed; only lines that may be wanted
 * (those holding "convicted" in any case, or every line with --doj-rows all) go to a candidate file, each
 * as `"<the line, quoted>",<the line>`. That small file is parsed with the run's own CSV options, so exactly
 * the same records parse with the same values; the exact row filter runs on those values, and each kept row
 * carries its original line, written back byte for byte. A line in which any field may start a spreadsheet
 * formula is instead rebuilt from its parsed values, made safe (the rule of every CSV we write). An input with
 * multi-line records or NUL bytes, or a line the whole-line read cannot take, is parsed in full and every row
 * rebuilt from its values: slower, same values.
 *
 * The eligibility columns are CSV text computed once per count (and, with --doj-rows all, once per person),
 * not once per row; the parsed candidates are joined to them straight into the table the COPYs read.
 * Measured and left out: a tighter candidate filter on the person or the count (the line must hold the
 * count's CNT_ORDER, say) kept half the lines but cost more in the scan (a per-row needle, a field-splitting
 * regex) than writing and parsing them saved; pairing the input's lines with its parsed records by position
 * (POSITIONAL JOIN, nothing written) used less CPU but runs on one thread, twice the wall time.
 */
import { DOJ_COLUMN_NAMES, duckdbReadColumns } from '../../data-contracts/doj-extract.contract.ts'
import { readCsvEncoding, type InputEncoding } from '../../data-contracts/input-encodings.ts'
import { lit } from '../../sql/helpers/quote.ts'
import { convictedDisposition } from '../../sql/helpers/sql-fragments.ts'
import { READ_BUFFER } from '../ingest/raw-source.ts'
import { spreadsheetSafeSql } from '../../sql/helpers/spreadsheet-safe.ts'
import {
  DOJ_RESULT_COLUMNS,
  ELIGIBILITY_COLUMNS,
  type EligibilityColumn,
} from '../../data-contracts/outputs/doj-results.contract.ts'

/** Which input rows a DOJ result file carries (`--doj-rows`). */
export type DojRows = 'counts' | 'all'
export const DOJ_ROWS: readonly DojRows[] = ['counts', 'all']

/** Every output line (input text and eligibility text apart) with its file number and sort keys. */
export const ROWS_TABLE = 'doj_result_rows'
/** Per in-scope count: its file number and its eligibility columns as CSV text. */
export const COUNTS_TABLE = 'doj_result_counts'
/** With --doj-rows all: per person in scope, the eligibility text of their rows that are not a count. */
export const SUBJECTS_TABLE = 'doj_result_subjects'
/** With --doj-rows all: (file number, person) for every county a person has an in-scope count in. */
export const SCOPE_TABLE = 'doj_result_scope'
/** county → file number, the key each COPY selects its rows by (a number: county names are not folder names). */
export const FILES_TABLE = 'doj_result_files'
export const FILE_COLUMN = 'file_no'

/**
 * Separator of the whole-line read and of the line-at-a-time writes: a control character no extract holds.
 * The whole-line read is strict, so a line that does hold it fails the read (the input is then parsed in full)
 * rather than being cut short.
 */
const LINE_DELIM = lit(String.fromCharCode(1))
/** Write each value as it is: the values written with it are already CSV text. */
const LINE_WRITE = `format csv, delimiter ${LINE_DELIM}, quote '', escape ''`

/** The counties with in-scope counts, in file order (call filesTableSql with them). */
export const COUNTIES_SQL = `select distinct county from mart_doj_count_values order by county nulls last`

/**
 * The files in name order with their number; call with the counties sorted (uniqueSlugs' order). No county (no
 * in-scope count) is no file: an empty VALUES list is not SQL, so that table is built empty.
 */
export const filesTableSql = (counties: readonly (string | null)[]): string =>
  `create or replace temp table ${FILES_TABLE} as
${
  counties.length
    ? `select * from (values ${counties.map((c, i) => `(${c === null ? 'null::varchar' : lit(c)}, ${i})`).join(', ')})
  f(county, ${FILE_COLUMN})`
    : `select null::varchar as county, null::integer as ${FILE_COLUMN} where false`
}`

/** One value as a CSV field, as DuckDB's writer quotes it (NULL empty, the empty string ""). */
const csvField = (expr: string) =>
  `case when (${expr}) is null then '' when (${expr}) = '' or contains((${expr}), ',') or contains((${expr}), '"') or contains((${expr}), chr(10)) or contains((${expr}), chr(13)) then '"' || replace((${expr}), '"', '""') || '"' else (${expr}) end`

/**
 * Text fields made spreadsheet-safe and joined into CSV text. One lambda over the list of values: each value
 * appears once in the SQL, so DuckDB does not hoist the repeated subexpressions out of a CASE and compute
 * them for every row.
 */
const csvText = (exprs: readonly string[]) =>
  `array_to_string(list_transform([${exprs.join(', ')}], v -> ${csvField(spreadsheetSafeSql('v'))}), ',')`

/**
 * A plain field (a boolean, a count, a date or a number of years) never holds a separator, a quote or a line
 * break and is never the empty string, so as CSV it is itself (NULL empty); only the spreadsheet rule applies
 * (years are negative for a date after the as-of date). Written without the lambda: the lambda costs about a
 * microsecond a value, and these are half the values (2.7 of the counts table's 3.7 CPU-s at 2M rows).
 */
const plainText = (expr: string) => `coalesce(${spreadsheetSafeSql(expr)}, '')`

/** Fields in order as one CSV text: each run of plain fields written directly, each run of text fields by csvText. */
export function csvLine(fields: readonly { expr: string; plain: boolean }[]): string {
  const runs: { plain: boolean; exprs: string[] }[] = []
  for (const f of fields) {
    const last = runs.at(-1)
    if (last && last.plain === f.plain) last.exprs.push(f.expr)
    else runs.push({ plain: f.plain, exprs: [f.expr] })
  }
  return runs
    .map((r) => (r.plain ? r.exprs.map(plainText).join(` || ',' || `) : csvText(r.exprs)))
    .join(` || ',' || `)
}

/** The eligibility columns whose values are plain (see plainText): booleans, counts, dates, years. */
const PLAIN_COLUMNS: ReadonlySet<EligibilityColumn> = new Set([
  'IN_SCOPE_COUNT',
  'NUMBER_OF_CONVICTIONS_ON_RECORD',
  'OCCURRED_AFTER_2016_11_09',
  'PC290_REGISTRATION',
  'DATE_OF_CONVICTION',
  'YEARS_SINCE_THIS_CONVICTION',
  'YEARS_SINCE_ANY_CONVICTION',
  'DECEASED',
])

/**
 * The eligibility columns as CSV text, for a row that is an in-scope count (`cv` and `sv` in scope) or for
 * another row of the person (`sv` only: the count-level columns blank).
 */
export function eligibilityTextSql(
  isCount: boolean,
  columns: readonly EligibilityColumn[] = ELIGIBILITY_COLUMNS,
): string {
  const either = (count: string, subject: string) => (isCount ? count : subject)
  const cv = (col: string) => (isCount ? `cv.${col}` : 'null')
  // Every column of the contract has its value here (the type says so); the contract gives the order.
  const eligibility: Record<EligibilityColumn, string> = {
    IN_SCOPE_COUNT: `'${isCount}'`,
    NUMBER_OF_CONVICTIONS_ON_RECORD: 'sv.convictions_on_record',
    OCCURRED_AFTER_2016_11_09: cv('occurred_after'),
    SUPERSTRIKE_CODE_SECTIONS: either('cv.superstrike_sections', 'sv.superstrike_sections'),
    PC290_CODE_SECTIONS: either('cv.pc290_sections', 'sv.pc290_sections'),
    PC290_REGISTRATION: either('cv.pc290_registration', 'sv.pc290_registration'),
    DATE_OF_CONVICTION: cv('conviction_date'),
    YEARS_SINCE_THIS_CONVICTION: cv('years_since_this'),
    YEARS_SINCE_ANY_CONVICTION: 'sv.years_since_any',
    COUNTS_PER_CODE_SECTION: 'sv.per_section',
    DECEASED: 'sv.deceased',
    DETERMINATION: cv('determination'),
    REASON: cv('reason'),
    RELIEF: cv('remedy'),
    RULE_ID: cv('rule_id'),
    REDUCED_LEVEL: cv('reduced_level'),
  }
  return csvLine(columns.map((c) => ({ expr: `${eligibility[c]}::varchar`, plain: PLAIN_COLUMNS.has(c) })))
}

/**
 * The last eligibility columns, which the deciding rule alone sets: a count's text is the text of the person and
 * count, then theirs, made once per distinct rule outcome (about a hundred at 2M rows). Made per count, the quoting
 * of the ~300-character reasons was most of the 0.8 CPU-s the texts took.
 */
const RULE_COLUMNS = ['DETERMINATION', 'REASON', 'RELIEF', 'RULE_ID', 'REDUCED_LEVEL'] as const
const RULE_VALUES = ['determination', 'reason', 'remedy', 'rule_id', 'reduced_level'] as const
const COUNT_COLUMNS = ELIGIBILITY_COLUMNS.slice(0, ELIGIBILITY_COLUMNS.length - RULE_COLUMNS.length)
if (ELIGIBILITY_COLUMNS.slice(COUNT_COLUMNS.length).join() !== RULE_COLUMNS.join())
  throw new Error('the rule outcome columns must end the eligibility columns')

/**
 * The person-level values (their SQL is in mart_doj_subject_values), materialised once with --doj-rows all,
 * where both the count and the person texts read them.
 */
const SUBJECT_VALUES = 'doj_result_subject_values'
export const subjectValuesSql = (rows: DojRows): string[] =>
  rows === 'all'
    ? [`create or replace temp table ${SUBJECT_VALUES} as select * from mart_doj_subject_values`]
    : []
const subjectValues = (rows: DojRows) => (rows === 'all' ? SUBJECT_VALUES : 'mart_doj_subject_values')

/** Each in-scope count with its file and its eligibility text (the values are in mart_doj_count_values). */
export const countsTableSql = (rows: DojRows): string => `create or replace temp table ${COUNTS_TABLE} as
${countsSql(rows)}`

/** The distinct rule outcomes of the count values `values`, each with its part of the eligibility text. */
const outcomesSelect = (values: string) => `select ${RULE_VALUES.join(', ')},
  ${eligibilityTextSql(true, RULE_COLUMNS)} as outcome_text
  from (select distinct ${RULE_VALUES.join(', ')} from ${values}) cv`

/** A count's own part of the eligibility text (cv, sv in scope), before its outcome's. */
const COUNT_TEXT = eligibilityTextSql(true, COUNT_COLUMNS)

/** The count values `values` (cv) with their person's values (sv), their file (f) and their outcome (o). */
const countsFrom = (rows: DojRows, values: string, outcomes: string) => `from ${values} cv
left join ${subjectValues(rows)} sv on sv.subject_id = cv.subject_id
join ${FILES_TABLE} f on f.county is not distinct from cv.county
join ${outcomes} o on ${RULE_VALUES.map((c) => `o.${c} is not distinct from cv.${c}`).join(' and ')}`

const countsSql = (
  rows: DojRows,
): string => `with values_ as materialized (select * from mart_doj_count_values),
outcomes as (${outcomesSelect('values_')})
select cv.subject_id, cv.cnt_order, f.${FILE_COLUMN}, ${COUNT_TEXT} || ',' || o.outcome_text as elig
${countsFrom(rows, 'values_', 'outcomes')}`

/** With --doj-rows all: the people in each file, and the text of their rows that are not a count. */
export const scopeTablesSql = (rows: DojRows): string[] =>
  rows === 'all'
    ? [
        `create or replace temp table ${SCOPE_TABLE} as
select distinct f.${FILE_COLUMN}, cv.subject_id
from mart_doj_count_values cv join ${FILES_TABLE} f on f.county is not distinct from cv.county`,
        `create or replace temp table ${SUBJECTS_TABLE} as
select sv.subject_id, ${eligibilityTextSql(false)} as elig from ${SUBJECT_VALUES} sv`,
      ]
    : []

/** DuckDB's reject tables of the step's re-reads (temp tables of its connection). */
const REREAD_ERRORS = 'doj_reread_reject_errors'
const REREAD_SCANS = 'doj_reread_reject_scans'

/** One input file as the run read it. */
export interface ResultInput {
  file: string
  has_header: boolean
  /** Read in this encoding, as ingest did; the files written are UTF-8 whatever it is. */
  encoding?: InputEncoding
}

/** The input as whole physical lines (header skipped), nothing parsed. */
const linesSql = (input: ResultInput): string =>
  `read_csv(${lit(input.file)}, header=${input.has_header}, auto_detect=false, delim=${LINE_DELIM}, quote='', escape='', strict_mode=true${readCsvEncoding(input.encoding)}, ${READ_BUFFER}, columns={'doj_line': 'VARCHAR'})`

/**
 * The candidate filter: a line whose DISP_DESCR starts with CONVICTED in any case holds the word. RE2's
 * case-insensitive match is several times cheaper than ILIKE here (0.3 against 1.7 CPU-s on 2M lines), and
 * it also matches the dotless ı that upper() (the exact filter's) turns into I, which ILIKE would not.
 */
export const CANDIDATE_FILTER = `(?i)conv[iı]cted`

/**
 * The candidate lines of one input written to `path`, each as `"<line quoted>",<line>`: a superset of the wanted
 * rows (a CONVICTED line contains the word whatever its case, wherever its field). Nothing numbers them: the
 * result files are ordered by person, count and line text, not by position in the input.
 */
export const candidatesSql = (input: ResultInput, path: string, rows: DojRows): string =>
  `copy (select '"' || replace(doj_line, '"', '""') || '",' || doj_line from ${linesSql(input)}${
    rows === 'all' ? '' : `\nwhere regexp_matches(doj_line, ${lit(CANDIDATE_FILTER)})`
  }) to ${lit(path)} (${LINE_WRITE}, header false)`

/** The columns of a candidate file: the original line, then the DOJ columns. */
export const CANDIDATE_COLUMNS = duckdbReadColumns().replace('{', `{'doj_line': 'VARCHAR', `)

/**
 * read_csv with the options ingest used (pipelines/ingest/raw-source.ts: explicit VARCHAR columns, strict
 * CSV), so exactly the same lines parse; `columns` is the DOJ columns, after the original line for a
 * candidate file. Malformed lines go to this connection's own temp reject tables (the run already recorded them
 * in rejects.csv; these are dropped with the step's tables). Not ignore_errors: after a value with an
 * unterminated quote it drops every line that follows (99 of 1,999 lines read), where store_rejects skips the
 * bad line alone, as ingest does.
 */
export const parseSql = (file: string, header: boolean, columns: string, encoding?: InputEncoding): string =>
  `read_csv(${lit(file)}, header=${header}, auto_detect=false, delim=',', quote='"', escape='"', strict_mode=true${readCsvEncoding(encoding)}, ${READ_BUFFER}, columns=${columns}, store_rejects=true, rejects_table='${REREAD_ERRORS}', rejects_scan='${REREAD_SCANS}')`

/** A line with a field that may start a formula (a superset: the rebuild decides field by field). */
const MAY_START_FORMULA = `(^|,)"?[=+\\-@\\t\\r]`

export const createRowsTableSql = `create or replace temp table ${ROWS_TABLE} (
  ${FILE_COLUMN} integer, row_subject varchar, row_conviction_count varchar, doj_text varchar, elig varchar,
  may_start_formula boolean)`

/**
 * Appends one input's wanted rows to ROWS_TABLE, each with its file and eligibility text. `source` is a candidate
 * file (with its `doj_line`: kept as it is, flagged when a field may start a formula; rebuildFormulaLinesSql then
 * rebuilds only those) or the input itself (no line: every row rebuilt from the parsed fields). Reading only the
 * line and three fields keeps DuckDB from parsing all 95 columns of every candidate.
 */
export function insertRowsSql(source: string, hasLine: boolean, rows: DojRows): string {
  // Qualified: the joined tables' subject_id would make SUBJECT_ID ambiguous (names are case-insensitive).
  const text = hasLine ? 'r.doj_line' : csvText(DOJ_COLUMN_NAMES.map((n) => `r."${n}"`))
  const flag = hasLine ? `regexp_matches(r.doj_line, '${MAY_START_FORMULA}')` : 'false'
  const input = `(select trim(SUBJECT_ID) as row_subject,
  case when ${convictedDisposition('DISP_DESCR')} then trim(CNT_ORDER) end as row_conviction_count,
  * from ${source}) r`
  // The join keys are plain columns (a LIKE in an ON clause made DuckDB fall back to a nested-loop join).
  const count = `${COUNTS_TABLE} c on c.subject_id = r.row_subject and c.cnt_order = r.row_conviction_count`
  return `insert into ${ROWS_TABLE}
${
  rows === 'all'
    ? `select sc.${FILE_COLUMN}, r.row_subject, r.row_conviction_count, ${text}, coalesce(c.elig, s.elig), ${flag}
from ${input}
join ${SCOPE_TABLE} sc on sc.subject_id = r.row_subject
left join ${count}
left join ${SUBJECTS_TABLE} s on s.subject_id = r.row_subject`
    : `select c.${FILE_COLUMN}, r.row_subject, r.row_conviction_count, ${text}, c.elig, ${flag}
from ${input}
join ${count}`
}`
}

/** The kept lines that may start a formula, as a candidate file (`"<line quoted>",<line>`) for rebuilding. */
export const formulaLinesSql = (path: string): string =>
  `copy (select distinct '"' || replace(doj_text, '"', '""') || '",' || doj_text from ${ROWS_TABLE}
where may_start_formula) to ${lit(path)} (${LINE_WRITE}, header false)`

/** Each line of a parsed candidate file with its text rebuilt from its values, each field made spreadsheet-safe. */
export const rebuiltLinesSql = (parsed: string): string =>
  `select doj_line, ${csvText(DOJ_COLUMN_NAMES.map((n) => `"${n}"`))} as rebuilt from ${parsed}`

/** Those lines rebuilt from their parsed values (rebuiltLinesSql). */
export const rebuildFormulaLinesSql = (parsed: string): string =>
  `update ${ROWS_TABLE} set doj_text = p.rebuilt, may_start_formula = false
from (${rebuiltLinesSql(parsed)}) p
where ${ROWS_TABLE}.may_start_formula and ${ROWS_TABLE}.doj_text = p.doj_line`

/**
 * The line path's counts (doj-results-lines.ts): each count's file and its own part of the eligibility text,
 * numbered in the order the files are written in (file, person, count: the COPYs' sort keys) and stored in that
 * order, so one file's ranks are a run of row groups. The part the deciding rule sets (the reason, about 300
 * characters) is not copied to every count: the count names its outcome in OUTCOMES_TABLE, and the writing puts the
 * two together (at 5M lines the joined texts were 0.25 GB of this table, copied again to be read out). Built
 * instead of the counts table, not beside it.
 */
export const RANKED_TABLE = 'doj_result_ranked'
/** The line path's distinct rule outcomes, numbered, each with its eligibility text. */
export const OUTCOMES_TABLE = 'doj_result_outcomes'
export const rankedTablesSql = [
  `create or replace temp table ${OUTCOMES_TABLE} as
select (row_number() over () - 1)::integer as outcome_no, * from (${outcomesSelect('mart_doj_count_values')})`,
  `create or replace temp table ${RANKED_TABLE} as
select (row_number() over (order by ${FILE_COLUMN}, subject_id, cnt_order) - 1)::integer as rank, *
from (
  select cv.subject_id, cv.cnt_order, f.${FILE_COLUMN}, ${COUNT_TEXT} as count_text, o.outcome_no
  ${countsFrom('counts', 'mart_doj_count_values', OUTCOMES_TABLE)}
)
order by rank`,
]

/** The outcomes' texts, by number. */
export const outcomesSql = `select outcome_no, outcome_text from ${OUTCOMES_TABLE}`

/** Separators of the texts the line path reads in one piece: control characters no key or text holds (checked). */
export const KEY_SEP = String.fromCharCode(1)
export const ROW_SEP = String.fromCharCode(2)

/** Whether the line path can take the ranked counts: distinct, no NULL, no separator in a key or a count's text. */
export const countChecksSql = `select
  count(*)::integer as counts,
  count(distinct (subject_id, cnt_order))::integer as distinct_keys,
  count(*) filter (where subject_id is null or cnt_order is null
    or contains(subject_id || cnt_order, ${lit(KEY_SEP)}) or contains(subject_id || cnt_order, ${lit(ROW_SEP)})
    or contains(count_text, ${lit(KEY_SEP)}) or contains(count_text, ${lit(ROW_SEP)}))::integer as unusable
from ${RANKED_TABLE}`

/**
 * Every count as `person KEY_SEP count KEY_SEP rank`, by person and count, for the scan of the inputs (the native
 * reader's notes need none: at 2M lines this text took 0.7 CPU-s).
 */
export const countKeysSql = `select
  coalesce(string_agg(subject_id || ${lit(KEY_SEP)} || cnt_order || ${lit(KEY_SEP)} || rank, ${lit(ROW_SEP)}
    order by subject_id, cnt_order), '') as keys
from ${RANKED_TABLE}`

/** How many counts each file has, in file order (their ranks follow one another). */
export const countsPerFileSql = `select ${FILE_COLUMN}::integer as file_no, count(*)::integer as counts
from ${RANKED_TABLE} group by all order by ${FILE_COLUMN}`

/**
 * The counts' own texts of ranks [first, first + n), in rank order, each followed by KEY_SEP and its outcome's
 * number, joined by ROW_SEP, as UTF-8 bytes.
 */
export const countTextSql = (first: number, n: number): string =>
  `select encode(coalesce(string_agg(count_text || ${lit(KEY_SEP)} || outcome_no, ${lit(ROW_SEP)} order by rank), ''))
  as texts from ${RANKED_TABLE} where rank >= ${first} and rank < ${first + n}`

/**
 * One county's file: its rows (the input's 95 fields, then the eligibility columns), ordered within the file by
 * person, count and the line itself (a total order: reruns are byte-identical, and numbering every input line to
 * keep file order cost more than the rest of the step). One COPY per file, run with preserve_insertion_order, so
 * DuckDB keeps the ORDER BY while writing on every thread (a partitioned COPY would need one thread to keep it).
 * The one text column is named by the whole header line.
 */
export const copyResultFileSql = (fileNo: number, path: string): string =>
  `copy (select doj_text || ',' || elig as "${DOJ_RESULT_COLUMNS.join(',')}" from ${ROWS_TABLE}
  where ${FILE_COLUMN} = ${fileNo}
  order by row_subject, row_conviction_count nulls first, doj_text)
to ${lit(path)} (${LINE_WRITE}, header true)`

export const DROP_SQL = [
  ROWS_TABLE,
  RANKED_TABLE,
  OUTCOMES_TABLE,
  COUNTS_TABLE,
  SUBJECTS_TABLE,
  SCOPE_TABLE,
  SUBJECT_VALUES,
  FILES_TABLE,
  REREAD_ERRORS,
  REREAD_SCANS,
]
  .map((t) => `drop table if exists ${t}`)
  .join(';\n')
