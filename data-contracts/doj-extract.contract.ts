/**
 * The California DOJ research-file contract: 95 columns, one row per subject x cycle x step x count x sentence part.
 * Single source for the TypeScript row type, the DuckDB read schema used by ingest, and the synthetic generator.
 * Source: data-contracts/reference/doj-research-file-columns.csv (layout as in Code for America's gogen, MIT).
 *
 * `type` is the logical type staging parses to. Ingest reads every column as VARCHAR so that a bad value
 * (an impossible date, say) never costs the row: staging parses it and a rule that needs it answers `review`.
 */
export type DojLogicalType = 'text' | 'date' | 'integer'

export interface DojColumn {
  readonly position: number
  readonly name: string
  readonly type: DojLogicalType
  /** Whether an eligibility rule reads it; ingest keeps only these (plus provenance) to stay near the scan floor. */
  readonly usedByRules: boolean
  readonly meaning: string
}

export const DOJ_COLUMNS = [
  {
    position: 1,
    name: 'RECORD_ID',
    type: 'text',
    usedByRules: false,
    meaning: 'record identifier (often blank in extracts)',
  },
  {
    position: 2,
    name: 'SUBJECT_STATUS',
    type: 'text',
    usedByRules: false,
    meaning: 'not used by the rules; carried through unchanged',
  },
  {
    position: 3,
    name: 'SUBJECT_ID',
    type: 'text',
    usedByRules: true,
    meaning: 'stable id of the person in the extract; group a history by it',
  },
  { position: 4, name: 'REQ_SEG_SEP', type: 'text', usedByRules: false, meaning: 'segment separator' },
  {
    position: 5,
    name: 'REQ_CII_NUMBER',
    type: 'text',
    usedByRules: false,
    meaning: 'not used by the rules; carried through unchanged',
  },
  {
    position: 6,
    name: 'REQ_NAME',
    type: 'text',
    usedByRules: false,
    meaning: 'not used by the rules; carried through unchanged',
  },
  {
    position: 7,
    name: 'REQ_GENDER',
    type: 'text',
    usedByRules: false,
    meaning: 'not used by the rules; carried through unchanged',
  },
  {
    position: 8,
    name: 'REQ_DOB',
    type: 'date',
    usedByRules: false,
    meaning: 'not used by the rules; carried through unchanged',
  },
  {
    position: 9,
    name: 'REQ_CDL',
    type: 'text',
    usedByRules: false,
    meaning: 'not used by the rules; carried through unchanged',
  },
  {
    position: 10,
    name: 'REQ_SSN',
    type: 'text',
    usedByRules: false,
    meaning: 'not used by the rules; carried through unchanged',
  },
  { position: 11, name: 'PII_SEG_SEP', type: 'text', usedByRules: false, meaning: 'segment separator' },
  {
    position: 12,
    name: 'CII_NUMBER',
    type: 'text',
    usedByRules: true,
    meaning: 'California state id number of the person (PII)',
  },
  {
    position: 13,
    name: 'PRI_NAME',
    type: 'text',
    usedByRules: true,
    meaning: 'primary name, "LAST,FIRST M" (PII)',
  },
  { position: 14, name: 'GENDER', type: 'text', usedByRules: true, meaning: 'M/F/other code' },
  {
    position: 15,
    name: 'PRI_DOB',
    type: 'date',
    usedByRules: true,
    meaning: 'date of birth, YYYYMMDD (PII)',
  },
  {
    position: 16,
    name: 'PRI_SSN',
    type: 'text',
    usedByRules: false,
    meaning: 'not used by the rules; carried through unchanged',
  },
  {
    position: 17,
    name: 'PRI_CDL',
    type: 'text',
    usedByRules: false,
    meaning: 'not used by the rules; carried through unchanged',
  },
  {
    position: 18,
    name: 'PRI_IDN',
    type: 'text',
    usedByRules: false,
    meaning: 'not used by the rules; carried through unchanged',
  },
  {
    position: 19,
    name: 'PRI_INN',
    type: 'text',
    usedByRules: false,
    meaning: 'not used by the rules; carried through unchanged',
  },
  {
    position: 20,
    name: 'FBI_NUMBER',
    type: 'text',
    usedByRules: false,
    meaning: 'not used by the rules; carried through unchanged',
  },
  { position: 21, name: 'PDR_SEG_SEP', type: 'text', usedByRules: false, meaning: 'segment separator' },
  { position: 22, name: 'RACE_CODE', type: 'text', usedByRules: true, meaning: 'DOJ race code letter' },
  { position: 23, name: 'RACE_DESCR', type: 'text', usedByRules: true, meaning: 'race description text' },
  {
    position: 24,
    name: 'EYE_COLOR_CODE',
    type: 'text',
    usedByRules: false,
    meaning: 'not used by the rules; carried through unchanged',
  },
  {
    position: 25,
    name: 'EYE_COLOR_DESCR',
    type: 'text',
    usedByRules: false,
    meaning: 'not used by the rules; carried through unchanged',
  },
  {
    position: 26,
    name: 'HAIR_COLOR_CODE',
    type: 'text',
    usedByRules: false,
    meaning: 'not used by the rules; carried through unchanged',
  },
  {
    position: 27,
    name: 'HAIR_COLOR_DESCR',
    type: 'text',
    usedByRules: false,
    meaning: 'not used by the rules; carried through unchanged',
  },
  {
    position: 28,
    name: 'HEIGHT',
    type: 'text',
    usedByRules: false,
    meaning: 'not used by the rules; carried through unchanged',
  },
  {
    position: 29,
    name: 'WEIGHT',
    type: 'text',
    usedByRules: false,
    meaning: 'not used by the rules; carried through unchanged',
  },
  {
    position: 30,
    name: 'SINGLE_SOURCE',
    type: 'text',
    usedByRules: false,
    meaning: 'not used by the rules; carried through unchanged',
  },
  {
    position: 31,
    name: 'MULTI_SOURCE',
    type: 'text',
    usedByRules: false,
    meaning: 'not used by the rules; carried through unchanged',
  },
  {
    position: 32,
    name: 'POB_CODE',
    type: 'text',
    usedByRules: false,
    meaning: 'not used by the rules; carried through unchanged',
  },
  {
    position: 33,
    name: 'POB_NAME',
    type: 'text',
    usedByRules: false,
    meaning: 'not used by the rules; carried through unchanged',
  },
  {
    position: 34,
    name: 'POB_TYPE',
    type: 'text',
    usedByRules: false,
    meaning: 'not used by the rules; carried through unchanged',
  },
  {
    position: 35,
    name: 'CITIZENSHIP_LIST',
    type: 'text',
    usedByRules: false,
    meaning: 'not used by the rules; carried through unchanged',
  },
  { position: 36, name: 'CYC_SEG_SEP', type: 'text', usedByRules: false, meaning: 'segment separator' },
  {
    position: 37,
    name: 'CYC_ORDER',
    type: 'integer',
    usedByRules: true,
    meaning: 'arrest cycle order within the subject',
  },
  { position: 38, name: 'CYC_DATE', type: 'date', usedByRules: true, meaning: 'cycle date, YYYYMMDD' },
  { position: 39, name: 'STP_SEG_SEP', type: 'text', usedByRules: false, meaning: 'segment separator' },
  {
    position: 40,
    name: 'STP_ORDER',
    type: 'integer',
    usedByRules: true,
    meaning: 'step order within the cycle',
  },
  {
    position: 41,
    name: 'STP_EVENT_DATE',
    type: 'date',
    usedByRules: true,
    meaning: 'date of the step (court action date for convictions), YYYYMMDD',
  },
  { position: 42, name: 'STP_TYPE_CODE', type: 'text', usedByRules: false, meaning: 'step type code' },
  {
    position: 43,
    name: 'STP_TYPE_DESCR',
    type: 'text',
    usedByRules: true,
    meaning: 'step type text: ARREST/DETAINED/CITED, COURT ACTION, REGISTRATION, DECEASED, ...',
  },
  {
    position: 44,
    name: 'STP_ORI_TYPE',
    type: 'text',
    usedByRules: false,
    meaning: 'not used by the rules; carried through unchanged',
  },
  {
    position: 45,
    name: 'STP_ORI_TYPE_DESCR',
    type: 'text',
    usedByRules: false,
    meaning: 'not used by the rules; carried through unchanged',
  },
  {
    position: 46,
    name: 'STP_ORI_CODE',
    type: 'text',
    usedByRules: true,
    meaning: 'ORI of the agency or court for the step',
  },
  {
    position: 47,
    name: 'STP_ORI_DESCR',
    type: 'text',
    usedByRules: true,
    meaning: 'agency or court name for the step',
  },
  {
    position: 48,
    name: 'STP_ORI_CNTY_CODE',
    type: 'text',
    usedByRules: true,
    meaning: 'county code of the step ORI (01-58, alphabetical)',
  },
  {
    position: 49,
    name: 'STP_ORI_CNTY_NAME',
    type: 'text',
    usedByRules: true,
    meaning: 'county name of the step ORI, upper case',
  },
  { position: 50, name: 'CNT_SEG_SEP', type: 'text', usedByRules: false, meaning: 'segment separator' },
  {
    position: 51,
    name: 'CNT_ORDER',
    type: 'text',
    usedByRules: true,
    meaning: 'count order; digits [0:3] = cycle, [0:6] = cycle+step, whole = count',
  },
  { position: 52, name: 'DISP_DATE', type: 'date', usedByRules: true, meaning: 'disposition date, YYYYMMDD' },
  { position: 53, name: 'OFN', type: 'text', usedByRules: false, meaning: 'offense number' },
  {
    position: 54,
    name: 'OFFENSE_CODE',
    type: 'text',
    usedByRules: true,
    meaning: 'CJIS offense code (numeric), join to dated code table',
  },
  {
    position: 55,
    name: 'OFFENSE_DESCR',
    type: 'text',
    usedByRules: true,
    meaning:
      '"11359 HS-POSSESS MARIJUANA FOR SALE"; code section before the first "-"; "SEE COMMENT FOR CHARGE" means look in COMMENT_TEXT',
  },
  {
    position: 56,
    name: 'OFFENSE_TOC',
    type: 'text',
    usedByRules: true,
    meaning: 'type of charge: F felony, M misdemeanor, I infraction',
  },
  {
    position: 57,
    name: 'OFFENSE_QUAL_LST',
    type: 'text',
    usedByRules: true,
    meaning: 'qualifier codes, e.g. attempt (664), conspiracy (182)',
  },
  {
    position: 58,
    name: 'DISP_OFFENSE_CODE',
    type: 'text',
    usedByRules: false,
    meaning: 'not used by the rules; carried through unchanged',
  },
  {
    position: 59,
    name: 'DISP_OFFENSE_DESCR',
    type: 'text',
    usedByRules: false,
    meaning: 'not used by the rules; carried through unchanged',
  },
  {
    position: 60,
    name: 'DISP_OFFENSE_TOC',
    type: 'text',
    usedByRules: false,
    meaning: 'not used by the rules; carried through unchanged',
  },
  {
    position: 61,
    name: 'DISP_OFFENSE_QUAL_LST',
    type: 'text',
    usedByRules: false,
    meaning: 'not used by the rules; carried through unchanged',
  },
  {
    position: 62,
    name: 'CONV_OFFENSE_ORDER',
    type: 'integer',
    usedByRules: false,
    meaning: 'not used by the rules; carried through unchanged',
  },
  {
    position: 63,
    name: 'CONV_OFFENSE_CODE',
    type: 'text',
    usedByRules: false,
    meaning: 'not used by the rules; carried through unchanged',
  },
  {
    position: 64,
    name: 'CONV_OFFENSE_DESCR',
    type: 'text',
    usedByRules: false,
    meaning: 'not used by the rules; carried through unchanged',
  },
  {
    position: 65,
    name: 'CONV_OFFENSE_TOC',
    type: 'text',
    usedByRules: false,
    meaning: 'not used by the rules; carried through unchanged',
  },
  {
    position: 66,
    name: 'CONV_OFFENSE_QUAL_LST',
    type: 'text',
    usedByRules: false,
    meaning: 'not used by the rules; carried through unchanged',
  },
  {
    position: 67,
    name: 'FE_NUM_ORDER',
    type: 'integer',
    usedByRules: false,
    meaning: 'not used by the rules; carried through unchanged',
  },
  {
    position: 68,
    name: 'FE_NUM_ARR_AGY',
    type: 'text',
    usedByRules: false,
    meaning: 'not used by the rules; carried through unchanged',
  },
  {
    position: 69,
    name: 'FE_NUM_BNCH_WARR',
    type: 'text',
    usedByRules: false,
    meaning: 'not used by the rules; carried through unchanged',
  },
  {
    position: 70,
    name: 'FE_NUM_CITE',
    type: 'text',
    usedByRules: false,
    meaning: 'not used by the rules; carried through unchanged',
  },
  {
    position: 71,
    name: 'FE_NUM_DOCKET',
    type: 'text',
    usedByRules: false,
    meaning: 'not used by the rules; carried through unchanged',
  },
  {
    position: 72,
    name: 'FE_NUM_INCIDENT',
    type: 'text',
    usedByRules: false,
    meaning: 'not used by the rules; carried through unchanged',
  },
  {
    position: 73,
    name: 'FE_NUM_BOOKING',
    type: 'text',
    usedByRules: false,
    meaning: 'not used by the rules; carried through unchanged',
  },
  {
    position: 74,
    name: 'FE_NUM_NUMBER',
    type: 'text',
    usedByRules: false,
    meaning: 'not used by the rules; carried through unchanged',
  },
  {
    position: 75,
    name: 'FE_NUM_REMAND',
    type: 'text',
    usedByRules: false,
    meaning: 'not used by the rules; carried through unchanged',
  },
  {
    position: 76,
    name: 'FE_NUM_OOS_INN',
    type: 'text',
    usedByRules: false,
    meaning: 'not used by the rules; carried through unchanged',
  },
  {
    position: 77,
    name: 'FE_NUM_CRT_CASE',
    type: 'text',
    usedByRules: true,
    meaning: 'court case number (motion lists are per case)',
  },
  {
    position: 78,
    name: 'FE_NUM_WARRANT',
    type: 'text',
    usedByRules: false,
    meaning: 'not used by the rules; carried through unchanged',
  },
  {
    position: 79,
    name: 'DISP_ORDER',
    type: 'integer',
    usedByRules: false,
    meaning: 'not used by the rules; carried through unchanged',
  },
  {
    position: 80,
    name: 'DISP_CODE',
    type: 'text',
    usedByRules: false,
    meaning: 'not used by the rules; carried through unchanged',
  },
  {
    position: 81,
    name: 'DISP_DESCR',
    type: 'text',
    usedByRules: true,
    meaning: 'disposition text; conviction when it starts with "CONVICTED"',
  },
  {
    position: 82,
    name: 'CONV_STAT_CODE',
    type: 'text',
    usedByRules: false,
    meaning: 'conviction status code',
  },
  {
    position: 83,
    name: 'CONV_STAT_DESCR',
    type: 'text',
    usedByRules: true,
    meaning: 'conviction status: FELONY / MISDEMEANOR / INFRACTION; when blank fall back to OFFENSE_TOC',
  },
  { position: 84, name: 'SENT_SEG_SEP', type: 'text', usedByRules: false, meaning: 'segment separator' },
  {
    position: 85,
    name: 'SENT_ORDER',
    type: 'integer',
    usedByRules: true,
    meaning: 'sentence part order (one count can have several sentence rows)',
  },
  {
    position: 86,
    name: 'SENT_LOC_CODE',
    type: 'text',
    usedByRules: false,
    meaning: 'sentence location code',
  },
  {
    position: 87,
    name: 'SENT_LOC_DESCR',
    type: 'text',
    usedByRules: true,
    meaning: 'sentence kind: JAIL, PRISON, PROBATION, FINE, ...',
  },
  {
    position: 88,
    name: 'SENT_LENGTH',
    type: 'text',
    usedByRules: true,
    meaning: 'sentence part length (number)',
  },
  {
    position: 89,
    name: 'SENT_TIME_CODE',
    type: 'text',
    usedByRules: true,
    meaning: 'unit of SENT_LENGTH: D days, M months, Y years',
  },
  { position: 90, name: 'SENT_TIME_DESCR', type: 'text', usedByRules: false, meaning: 'unit text' },
  { position: 91, name: 'CYC_AGE', type: 'integer', usedByRules: true, meaning: 'age at the cycle' },
  {
    position: 92,
    name: 'CII_TYPE',
    type: 'text',
    usedByRules: false,
    meaning: 'not used by the rules; carried through unchanged',
  },
  {
    position: 93,
    name: 'CII_TYPE_ALPHA',
    type: 'text',
    usedByRules: false,
    meaning: 'not used by the rules; carried through unchanged',
  },
  {
    position: 94,
    name: 'COMMENT_TEXT',
    type: 'text',
    usedByRules: true,
    meaning: 'free text; holds the charge when OFFENSE_DESCR says SEE COMMENT FOR CHARGE',
  },
  { position: 95, name: 'END_OF_REC', type: 'text', usedByRules: false, meaning: 'end-of-record marker' },
] as const satisfies readonly DojColumn[]

export type DojColumnName = (typeof DOJ_COLUMNS)[number]['name']

/** One DOJ row as text, exactly as the file carries it (dates are YYYYMMDD strings). */
export type DojRow = Record<DojColumnName, string>

export const DOJ_COLUMN_NAMES: readonly DojColumnName[] = DOJ_COLUMNS.map((c) => c.name)

export const DOJ_COLUMN_COUNT = 95

/** DuckDB `columns={...}` struct for read_csv: every column VARCHAR, in file order, no sniffing. */
export function duckdbReadColumns(): string {
  return '{' + DOJ_COLUMNS.map((c) => `'${c.name}': 'VARCHAR'`).join(', ') + '}'
}

/** Date format of every date column in the extract. */
export const DOJ_DATE_FORMAT = '%Y%m%d'

/**
 * The character encodings an extract may be read in. UTF-8 is the default; a line with bytes that are not UTF-8 is
 * then set aside in the reject ledger. An extract written by an older system in ISO-8859-1 (Latin-1) holds accented
 * names (NÚÑEZ, JOSÉ) as single bytes: read as UTF-8, every such person's lines would be rejected and nobody of them
 * decided, so `--encoding latin-1` reads each byte as its Latin-1 character instead. DuckDB reads both natively;
 * Windows-1252 differs from Latin-1 only in 0x80–0x9F (curly quotes, the euro sign), which name fields rarely hold.
 */
export const INPUT_ENCODINGS = ['utf-8', 'latin-1'] as const
export type InputEncoding = (typeof INPUT_ENCODINGS)[number]

/** The read_csv option for an encoding: none for UTF-8 (DuckDB's default), so the usual SQL stays as it was. */
export const readCsvEncoding = (encoding: InputEncoding | undefined): string =>
  encoding && encoding !== 'utf-8' ? `, encoding='${encoding}'` : ''
