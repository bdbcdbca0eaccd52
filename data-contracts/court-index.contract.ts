/**
 * The court case index contract: a Superior Court case-management export, CSV with a header line, one row per
 * charge. It is what `relief reconcile --court-index` reads to find cannabis convictions the DOJ extract does not
 * carry (Los Angeles found about 58,000 that way; data-contracts/court-index.md).
 *
 * Every column is read as text (an unreadable value never costs the row); staging parses it and says what it
 * could not read. A row is rejected only when it cannot be matched at all (no case number, or no California county).
 */
export interface CourtIndexColumn {
  readonly name: string
  /** Forms accepted; anything else is kept as text and treated as missing by the rules. */
  readonly accepts: string
  readonly meaning: string
}

export const COURT_INDEX_COLUMNS = [
  {
    name: 'court_case_number',
    accepts:
      'any text; compared after removing spaces and dashes, leading zeros and case ("BA-012345" = "ba12345")',
    meaning:
      "the court's own case number; with county it identifies the case. Required (a row without one is rejected)",
  },
  {
    name: 'court',
    accepts: 'any text',
    meaning: 'courthouse or court name, carried to the outputs (e.g. "Superior Court, Los Angeles, Metro")',
  },
  {
    name: 'county',
    accepts: 'a California county as the DOJ writes it ("LOS ANGELES") or in title case ("Los Angeles")',
    meaning: 'county of the court. Required; a name that is not a California county rejects the row',
  },
  {
    name: 'defendant_name',
    accepts:
      '"LAST,FIRST MIDDLE" or "Last, First" (with a comma); without a comma the last word is the surname',
    meaning:
      'used with dob to match a case whose number the DOJ wrote differently (surname + first given name)',
  },
  {
    name: 'dob',
    accepts: 'YYYY-MM-DD or YYYYMMDD',
    meaning: 'date of birth: the age tiers of HS 11357–11360 and the name + DOB match read it',
  },
  {
    name: 'charge_section',
    accepts:
      'DOJ style "11359 HS", "11357(B) HS", or "HS 11359", "HS 11357(b)"; "664/" or "182/" before it marks an attempt or conspiracy',
    meaning: 'the code section of the charge; cannabis sections are HS 11357–11360 and 11362.1–11362.4',
  },
  {
    name: 'charge_level',
    accepts: 'F, M or I (upper or lower case)',
    meaning:
      'felony, misdemeanor or infraction at disposition; blank means unknown (the rules answer review)',
  },
  {
    name: 'disposition',
    accepts: 'CONVICTED, or text beginning with it ("CONVICTED - PLEA"); anything else is not a conviction',
    meaning: 'outcome of the charge; only convictions can be relieved',
  },
  {
    name: 'disposition_date',
    accepts: 'YYYY-MM-DD or YYYYMMDD',
    meaning: 'date of the conviction (the DOJ conviction date it is compared with)',
  },
  {
    name: 'offense_date',
    accepts: 'YYYY-MM-DD or YYYYMMDD',
    meaning: 'date of the offense: decides whether the old law applied (before 2016-11-09)',
  },
  {
    name: 'sentence',
    accepts:
      'free text; "N DAYS|MONTHS|YEARS" (or D/M/Y) parts are summed, e.g. "90 DAYS JAIL; 3 YEARS PROBATION"',
    meaning: 'decides the remedy track (recall and resentence while the sentence runs on the as-of date)',
  },
] as const satisfies readonly CourtIndexColumn[]

export type CourtIndexColumnName = (typeof COURT_INDEX_COLUMNS)[number]['name']
export type CourtIndexRow = Record<CourtIndexColumnName, string>

export const COURT_INDEX_COLUMN_NAMES: readonly CourtIndexColumnName[] = COURT_INDEX_COLUMNS.map(
  (c) => c.name,
)

/** The DuckDB read_csv `columns=` struct: every column as VARCHAR, in contract order. */
export function duckdbCourtReadColumns(): string {
  return `{${COURT_INDEX_COLUMNS.map((c) => `'${c.name}': 'VARCHAR'`).join(', ')}}`
}

/** Date forms accepted in dob, disposition_date and offense_date (strptime formats, tried in order). */
export const COURT_DATE_FORMATS = ['%Y-%m-%d', '%Y%m%d'] as const
