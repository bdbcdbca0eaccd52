/**
 * Upstream tables for the court reconciliation model tests: the court index as the CSV reader lands it
 * (raw_court_index_rows + court_record_lines, contract columns as text), and the DOJ-side intermediates with their
 * real column types (int_prop64_counts, int_subjects, int_convictions, int_disqualifier_events), so a case names only
 * the fields it is about.
 */
import { COURT_INDEX_COLUMN_NAMES, type CourtIndexRow } from '../../data-contracts/court-index.contract.ts'
import { runModel, type Cell, type FixtureTable } from './model-fixture.ts'
import { run_params } from '../../sql/seeds/run_params.ts'
import { ref_counties, ref_offense_codes } from '../../sql/seeds/reference_tables.ts'
import { courtModels } from '../../sql/court-models.ts'
import type { Model } from '../../sql/model.ts'
import { resolvePolicy } from '../../pipelines/policy/resolve-policy.ts'

export const COURT_SEEDS = [run_params, ref_counties, ref_offense_codes]

/** A court index record: a convicted HS 11359 felony in ORANGE unless the case says otherwise. */
export type CourtRecord = Partial<CourtIndexRow> & { file_index?: number; line?: number }

/**
 * raw_court_index_rows and court_record_lines for records in file order: record k of file f is on line k + 1
 * (line 1 is the header) unless the record names its line. Blank fields are null, as read_csv gives them.
 */
export function courtIndex(records: CourtRecord[]): Record<string, FixtureTable> {
  const columns: Record<string, string> = { file_index: 'bigint', record: 'bigint' }
  for (const n of COURT_INDEX_COLUMN_NAMES) columns[n] = 'varchar'
  columns.filename = 'varchar'
  const next = new Map<number, number>()
  const raw: Record<string, Cell>[] = []
  const lines: Record<string, Cell>[] = []
  for (const r of records) {
    const f = r.file_index ?? 1
    const k = (next.get(f) ?? 0) + 1
    next.set(f, k)
    const row: Record<string, Cell> = { file_index: f, record: k, filename: `court${f}.csv` }
    for (const n of COURT_INDEX_COLUMN_NAMES) {
      const v = (r as Record<string, string | undefined>)[n]
      row[n] = v === undefined || v === '' ? null : v
    }
    raw.push(row)
    lines.push({ file_index: f, record: k, line: r.line ?? k + 1 })
  }
  return {
    raw_court_index_rows: { columns, rows: raw },
    court_record_lines: {
      columns: { file_index: 'bigint', record: 'bigint', line: 'bigint' },
      rows: lines,
    },
  }
}

/** Jane Doe of Fresno, a person with no DOJ history: the court-only person of the court model tests. */
export const JANE_DOE = {
  defendant_name: 'Doe, Jane',
  dob: '1960-01-01',
  county: 'FRESNO',
  court: 'Superior Court Fresno',
} as const satisfies CourtRecord

/**
 * Jane Doe's HS 11357(b) misdemeanor of 1990 (case GC-2), at 30: the court-only count the statute dismisses
 * (P64-11357B-01).
 */
export const DOE_POSSESSION_1990 = {
  ...JANE_DOE,
  court_case_number: 'GC-2',
  charge_section: 'HS 11357(b)',
  charge_level: 'M',
  disposition_date: '1990-05-05',
  offense_date: '1990-01-01',
} as const satisfies CourtRecord

/** The defaults courtRecord() fills in: a convicted felony HS 11359 of Maria Garcia in ORANGE, 2005. */
export function courtRecord(over: CourtRecord = {}): CourtRecord {
  return {
    court_case_number: '05CR1234',
    court: 'Superior Court Orange',
    county: 'ORANGE',
    defendant_name: 'GARCIA,MARIA',
    dob: '1970-02-02',
    charge_section: '11359 HS',
    charge_level: 'F',
    disposition: 'CONVICTED',
    disposition_date: '2005-03-01',
    offense_date: '2005-01-01',
    ...over,
  }
}

export const INT_SUBJECTS_COLUMNS: Record<string, string> = {
  subject_id: 'varchar',
  name: 'varchar',
  names: 'varchar[]',
  cii_number: 'varchar',
  gender: 'varchar',
  race_code: 'varchar',
  dob: 'date',
  dob_status: 'varchar',
  deceased: 'boolean',
  deceased_date: 'date',
  pc290_registration_date: 'date',
  pc290_registered: 'boolean',
  pc290_registration_undated: 'boolean',
  first_conviction_county: 'varchar',
}

/** One DOJ person: Maria Garcia, 1970-02-02, unless overridden; `names` from `name` when not given. */
export function dojSubject(over: Record<string, Cell> = {}): Record<string, Cell> {
  const name = (over.name as string | undefined) ?? 'GARCIA,MARIA'
  return {
    subject_id: 'D1',
    name,
    names: { sql: `[${[name].map((n) => `'${n.replaceAll("'", "''")}'`).join(', ')}]` },
    cii_number: 'A1',
    gender: 'F',
    race_code: 'H',
    dob: '1970-02-02',
    dob_status: 'ok',
    deceased: false,
    pc290_registered: false,
    pc290_registration_undated: false,
    first_conviction_county: 'ORANGE',
    ...over,
  }
}

export const INT_CONVICTIONS_COLUMNS: Record<string, string> = {
  subject_id: 'varchar',
  cnt_order: 'varchar',
  is_attempt: 'boolean',
  is_conspiracy: 'boolean',
  is_accessory: 'boolean',
  has_registration_qualifier: 'boolean',
  qualifier_codes: 'varchar[]',
  sentence_days: 'double',
  sentence_months: 'double',
  sentence_years: 'double',
  sentence_parts_unreadable: 'bigint',
  sentence_text: 'varchar',
  county: 'varchar',
  county_code: 'varchar',
  court: 'varchar',
  case_number: 'varchar',
  cyc_order: 'varchar',
  charge_text: 'varchar',
  offense_code: 'varchar',
  code_type: 'varchar',
  section: 'varchar',
  subsection: 'varchar',
  base_section: 'varchar',
  code_section: 'varchar',
  conviction_level: 'varchar',
  disposition: 'varchar',
  charged_code_section: 'varchar',
  convicted_offense_recorded: 'boolean',
  cycle_age: 'integer',
  conviction_date: 'date',
  conviction_date_status: 'varchar',
  offense_date: 'date',
  offense_date_status: 'varchar',
  sentence_end_date: 'timestamp',
  offense_after_auma: 'boolean',
  conviction_after_auma: 'boolean',
}

/** One DOJ conviction (int_convictions / int_prop64_counts): felony HS 11359 of D1 in ORANGE, 2005. */
export function dojConviction(over: Record<string, Cell> = {}): Record<string, Cell> {
  const section = (over.section as string | undefined) ?? '11359'
  const sub = (over.subsection as string | undefined) ?? null
  return {
    subject_id: 'D1',
    cnt_order: '001001001000',
    is_attempt: false,
    is_conspiracy: false,
    is_accessory: false,
    has_registration_qualifier: false,
    qualifier_codes: { sql: '[]' },
    sentence_days: 0,
    sentence_months: 0,
    sentence_years: 0,
    sentence_parts_unreadable: 0,
    county: 'ORANGE',
    court: 'CASC ORANGE',
    case_number: '05CR1234',
    cyc_order: '001',
    code_type: 'HS',
    section,
    subsection: sub,
    base_section: `HS ${section}`,
    code_section: `HS ${section}${sub ? `(${sub})` : ''}`,
    conviction_level: 'felony',
    disposition: 'CONVICTED',
    convicted_offense_recorded: true,
    conviction_date: '2005-03-01',
    conviction_date_status: 'ok',
    offense_date: '2005-01-01',
    offense_date_status: 'ok',
    sentence_end_date: '2005-03-01',
    offense_after_auma: false,
    conviction_after_auma: false,
    ...over,
  }
}

/** int_prop64_counts has the conviction columns and more; the court models read only these. */
export const INT_PROP64_COUNTS_COLUMNS: Record<string, string> = {
  subject_id: 'varchar',
  cnt_order: 'varchar',
  county: 'varchar',
  court: 'varchar',
  case_number: 'varchar',
  base_section: 'varchar',
  subsection: 'varchar',
  code_section: 'varchar',
  conviction_level: 'varchar',
  conviction_date: 'date',
}

export function dojCount(over: Record<string, Cell> = {}): Record<string, Cell> {
  const c = dojConviction(over)
  return Object.fromEntries(Object.keys(INT_PROP64_COUNTS_COLUMNS).map((k) => [k, c[k]]))
}

export const INT_DISQUALIFIER_EVENTS_COLUMNS: Record<string, string> = {
  subject_id: 'varchar',
  event_date: 'date',
  kind: 'varchar',
  code_section: 'varchar',
  citation: 'varchar',
}

/** The DOJ-side tables, empty unless rows are given. */
export function dojTables(
  t: {
    counts?: Record<string, Cell>[]
    subjects?: Record<string, Cell>[]
    convictions?: Record<string, Cell>[]
    events?: Record<string, Cell>[]
  } = {},
): Record<string, FixtureTable> {
  return {
    int_prop64_counts: { columns: INT_PROP64_COUNTS_COLUMNS, rows: t.counts ?? [] },
    int_subjects: { columns: INT_SUBJECTS_COLUMNS, rows: t.subjects ?? [] },
    int_convictions: { columns: INT_CONVICTIONS_COLUMNS, rows: t.convictions ?? [] },
    int_disqualifier_events: { columns: INT_DISQUALIFIER_EVENTS_COLUMNS, rows: t.events ?? [] },
  }
}

/**
 * The real court models a model reads through, in build order from stg_court_index_rows up to (not including)
 * `name`, for `runModel(..., { also })`: a case then starts from court index records and DOJ-side tables.
 */
export function courtChainBefore(name: string): Model[] {
  const chain = courtModels({ raw: '', lines: '' }).slice(2)
  const i = chain.findIndex((m) => m.name === name)
  if (i < 0) throw new Error(`${name} is not a court model`)
  return chain.slice(0, i)
}

/**
 * A court model's rows, built through the real court chain from court index records and DOJ-side tables, under a
 * policy preset (statute unless named), in `orderBy` order.
 */
export async function courtModelRows<Row = Record<string, unknown>>(
  model: Model,
  court: CourtRecord[],
  opts: { doj?: Parameters<typeof dojTables>[0]; policy?: string; orderBy: string },
): Promise<Row[]> {
  const run = await runModel(
    model,
    { ...courtIndex(court), ...dojTables(opts.doj) },
    {
      seeds: COURT_SEEDS,
      also: courtChainBefore(model.name),
      ctx: { policy: resolvePolicy(opts.policy ?? 'statute') },
    },
  )
  try {
    return await run.rows<Row>(opts.orderBy)
  } finally {
    run.close()
  }
}
