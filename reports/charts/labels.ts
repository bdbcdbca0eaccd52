/** Words for codes: how groups, dimensions and outcomes read in charts and tables. */

export const RACE_LABEL: Record<string, string> = {
  hispanic: 'Hispanic (any race)',
  white_nh: 'White, not Hispanic',
  black_nh: 'Black, not Hispanic',
  asian_nh: 'Asian, not Hispanic',
  other_nh: 'Other or multiracial, not Hispanic',
  unknown: 'Unknown',
}

export const GENDER_LABEL: Record<string, string> = { male: 'Male', female: 'Female', unknown: 'Unknown' }

export const AGE_BAND_ORDER = ['under 18', '18-20', '21-24', '25-34', '35-44', '45-54', '55+', 'unknown']

export type Dimension = 'race_group' | 'gender' | 'age_band'

export const DIMENSIONS: Record<
  Dimension,
  {
    noun: string
    order: string[]
    label: (v: string) => string
    unit: 'people' | 'counts'
    reference: string
  }
> = {
  race_group: {
    noun: 'race and ethnicity',
    order: ['hispanic', 'white_nh', 'black_nh', 'asian_nh', 'other_nh', 'unknown'],
    label: (v) => RACE_LABEL[v] ?? v,
    unit: 'people',
    reference: 'white_nh',
  },
  gender: {
    noun: 'gender',
    order: ['male', 'female', 'unknown'],
    label: (v) => GENDER_LABEL[v] ?? v,
    unit: 'people',
    reference: 'male',
  },
  age_band: {
    noun: 'age at conviction',
    order: AGE_BAND_ORDER,
    label: (v) => (v === 'unknown' ? 'Unknown' : v),
    unit: 'counts',
    reference: '25-34',
  },
}

/** Sorts values by a preferred order, unknown values last in text order. */
export function byOrder(order: readonly string[]): (a: string, b: string) => number {
  const rank = (v: string) => (order.includes(v) ? order.indexOf(v) : order.length)
  return (a, b) => rank(a) - rank(b) || a.localeCompare(b)
}

export const fmtInt = (n: number | null | undefined): string =>
  n == null ? '' : Math.round(n).toLocaleString('en-US')

export const fmtPct = (x: number | null | undefined, digits = 1): string =>
  x == null || !Number.isFinite(x) ? '' : `${(x * 100).toFixed(digits)}%`

export const fmtRatio = (x: number | null | undefined): string =>
  x == null || !Number.isFinite(x) ? '' : x.toFixed(2)

/** "Los Angeles" from DOJ's "LOS ANGELES". */
export const countyName = (c: string): string =>
  c === 'all' ? 'All counties' : c.toLowerCase().replace(/\b[a-z]/g, (m) => m.toUpperCase())
