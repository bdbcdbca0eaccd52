/**
 * Court rulings on filed Prop 64 motions, per case and count: what `relief status import --rulings FILE` reads into
 * the filing ledger. CSV with a header, one row per ruling (a count can have several: continued, then granted).
 * Keys are the DOJ's (county, court case number, CNT_ORDER), so a rerun with a new extract finds the same counts.
 */
export const COURT_RULINGS_COLUMNS = [
  { name: 'county', meaning: 'county of the court, as the DOJ writes it or in title case. Required' },
  {
    name: 'case_number',
    meaning: 'court case number as on the motion; compared normalised like the court index. Required',
  },
  { name: 'cnt_order', meaning: 'the DOJ CNT_ORDER of the count, as on the motion schedule. Required' },
  { name: 'ruling', meaning: 'granted | denied | continued | withdrawn (any case). Required' },
  {
    name: 'ruling_date',
    meaning: 'YYYY-MM-DD or YYYYMMDD. Required: the latest ruling of a count decides its status',
  },
  {
    name: 'order_text',
    meaning: "the order's words (relief granted, or reason denied); carried to the DOJ update file",
  },
  {
    name: 'doj_updated_date',
    meaning:
      'YYYY-MM-DD or YYYYMMDD when the DOJ confirmed it updated its record (AB 1706: by 2023-07-01); blank if not yet',
  },
] as const

export const COURT_RULINGS_COLUMN_NAMES: readonly string[] = COURT_RULINGS_COLUMNS.map((c) => c.name)
export const RULINGS = ['granted', 'denied', 'continued', 'withdrawn'] as const

export const duckdbRulingsReadColumns = (): string =>
  `{${COURT_RULINGS_COLUMNS.map((c) => `'${c.name}': 'VARCHAR'`).join(', ')}}`
