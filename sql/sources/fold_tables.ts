/**
 * The native reader's folded tables (pipelines/ingest/native/doj-fold.c), as the models read them. Each is a view
 * over what the reader wrote: the large tables (counts, subjects, Prop 64 lines) as Parquet, the others as CSV, where an empty text is quoted, so an empty
 * field is NULL and nothing else is.
 * The reader has already applied staging's cleaning (trim, upper-case, dates, numbers) exactly as the SQL path
 * does; what needs a regular expression (charge codes, the 664/182 prefix, PC 290) is left to the models here.
 */
import { join } from 'node:path'
import type { Model, ModelContext } from '../model.ts'
import { raw } from '../helpers/model-sql.ts'
import { lit } from '../helpers/quote.ts'

/** The reader's files, in its folder. */
const foldPaths = (ctx: ModelContext, files: readonly string[]): string[] =>
  files.map((f) => join(ctx.foldDir ?? '<fold dir>', f))

function foldCsv(ctx: ModelContext, files: readonly string[], columns: Record<string, string>): string {
  const paths = foldPaths(ctx, files).map(lit).join(', ')
  const types = Object.entries(columns)
    .map(([c, t]) => `${lit(c)}: ${lit(t)}`)
    .join(', ')
  // Read in 2 MB pieces (DuckDB's longest line; its default piece is 16 times that): a file of a few MB is then read
  // on every thread, not one. At 1M lines int_subjects took 0.11 s against 0.16, int_prop64_charges 0.09 against 0.15.
  return `select * from read_csv([${paths}], header=true, auto_detect=false, delim=',', quote='"', escape='"', strict_mode=true, buffer_size=2097152, columns={${types}})`
}

/**
 * A table the reader wrote as Parquet (doj-fold.c), at absolute paths: typed already, so read in a third of the CSV's
 * time. Its columns are named and cast as declared, so the view's shape is the declaration's whatever the file says.
 * Also the DOJ step's read of the counts' line notes (pipelines/outputs/doj-count-spans.ts).
 */
export function foldParquetSelect(paths: readonly string[], columns: Record<string, string>): string {
  const typed = Object.entries(columns)
    .map(([c, t]) => `"${c}"::${t} as "${c}"`)
    .join(', ')
  return `select ${typed} from read_parquet([${paths.map(lit).join(', ')}])`
}

const source = (
  name: string,
  grain: string,
  files: readonly string[],
  columns: Record<string, string>,
): Model => ({
  name,
  layer: 'source',
  // Over files the run deletes once the intermediate models are built: nothing may keep a view of them.
  materialized: 'temp view',
  grain,
  sql: (ctx) =>
    raw(
      files.every((f) => f.endsWith('.parquet'))
        ? foldParquetSelect(foldPaths(ctx, files), columns)
        : foldCsv(ctx, files, columns),
    ),
})

const TEXT = 'VARCHAR'

export const fold_counts = source(
  'fold_counts',
  'one row per (subject_id, cnt_order) with a CONVICTED disposition: its first sentence part, its sentence sums',
  // Written in two halves at once, as Parquet (the largest table).
  ['fold_counts_1.parquet', 'fold_counts_2.parquet'],
  {
    subject_id: TEXT,
    cnt_order: TEXT,
    county: TEXT,
    county_code: TEXT,
    court: TEXT,
    case_number: TEXT,
    cyc_order: TEXT,
    // The charge and the charge as filed, by their id in fold_charge_texts.
    charge_id: 'BIGINT',
    charged_id: 'BIGINT',
    offense_code: TEXT,
    conviction_level: TEXT,
    disposition: TEXT,
    convicted_offense_recorded: 'BOOLEAN',
    cycle_age: 'INTEGER',
    disp_date: 'DATE',
    disp_date_status: TEXT,
    step_date: 'DATE',
    step_date_status: TEXT,
    cyc_date: 'DATE',
    cyc_date_status: TEXT,
    sentence_days: 'DOUBLE',
    sentence_months: 'DOUBLE',
    sentence_years: 'DOUBLE',
    sentence_parts_unreadable: 'BIGINT',
    sentence_text: TEXT,
    // Lists, their items joined by chr(31): the qualifier tokens of the count's lines, and its charge texts that
    // hold 664 or 182 (a possible attempt or conspiracy prefix).
    qualifier_tokens: TEXT,
    prefix_texts: TEXT,
    any_charge_text: 'BOOLEAN',
  },
)

export const fold_subjects = source(
  'fold_subjects',
  'one row per subject_id: identity min (max where it differs), DOB status, first conviction county',
  ['fold_subjects.parquet'],
  {
    subject_id: TEXT,
    name: TEXT,
    cii_number: TEXT,
    gender: TEXT,
    race_code: TEXT,
    dob: 'DATE',
    dob_status: TEXT,
    first_conviction_county: TEXT,
    disagreeing: 'BOOLEAN',
  },
)

export const fold_identities = source(
  'fold_identities',
  'one row per distinct identity of a person whose lines disagree, with the number of lines carrying it',
  ['fold_identities.csv'],
  {
    subject_id: TEXT,
    name: TEXT,
    cii_number: TEXT,
    gender: TEXT,
    race_code: TEXT,
    dob: 'DATE',
    lines: 'BIGINT',
  },
)

export const fold_steps = source(
  'fold_steps',
  'one row per DECEASED or REGISTRATION step line',
  ['fold_steps.csv'],
  { subject_id: TEXT, step_type: TEXT, step_date: 'DATE', charge_text: TEXT },
)

export const fold_prop64_lines = source(
  'fold_prop64_lines',
  'one row per distinct (subject_id, cycle, convicted or not, charge id) whose text may name a Prop 64 section',
  ['fold_prop64_lines.parquet'],
  { subject_id: TEXT, cycle: 'INTEGER', is_conviction: 'BOOLEAN', charge_id: 'BIGINT' },
)

export const fold_charge_texts = source(
  'fold_charge_texts',
  'one row per distinct charge text (a coded line charge, a conviction charge as filed), with its id',
  ['fold_charge_texts.csv'],
  { charge_id: 'BIGINT', charge_text: TEXT },
)
