/**
 * public/marts/<mart>.csv|.parquet|.arrow: the columns of every published mart, in file order, and their row
 * shapes as the report's charts read them (after suppression: withheld numbers are null, `suppressed` is
 * true). pipelines/outputs/publish-marts.ts writes them; the tests hold the files to these lists.
 */

interface Published {
  suppressed: boolean
  /** counts and people rounded to the nearest 10 (a complement of 100+ people, or a statewide figure). */
  rounded?: boolean
}

export interface CountyRow extends Published {
  county_code: string | null
  county: string
  fips: string | null
  outcome: string
  counts: number | null
  people: number | null
  residents: number | null
  counts_per_100k: number | null
  people_per_100k: number | null
}

export interface YearRow extends Published {
  conviction_year: string
  outcome: string
  counts: number | null
  people: number | null
}

export interface OffenseRow extends Published {
  code_section: string
  conviction_level: string
  outcome: string
  counts: number | null
  people: number | null
}

export interface DemographicsRow extends Published {
  race_group: string
  gender: string
  age_band: string
  outcome: string
  counts: number | null
  people: number | null
  adults: number | null
}

export interface LayerRow extends Published {
  layer: 'statute' | 'final'
  charge_kind: 'prop64' | 'related'
  race_group: string
  gender: string
  age_band: string
  outcome: string
  counts: number | null
  people: number | null
}

export interface DataQualityRow extends Published {
  check: 'review' | 'missing' | 'date_range' | 'rejected'
  item: string
  detail: string
  counts: number | null
  people: number | null
  first_date: string | null
  last_date: string | null
}

export interface ScenarioRow extends Published {
  scenario: string
  race_group: string
  outcome: string
  counts: number | null
  people_at_least: number | null
}

export interface PopulationRow {
  population_group: string
  ord: number
  counties: number
  residents: number
  adults: number
}

/** File columns of each published mart, in order (`suppressed` then `rounded` last: true where the row was withheld, or published rounded to the nearest 10). */
export const PUBLIC_MART_COLUMNS = {
  // Published only when the run reconciled a court index ("cases the DOJ list missed").
  mart_court_only_by_county_year: [
    'county',
    'conviction_year',
    'outcome',
    'counts',
    'people',
    'suppressed',
    'rounded',
  ],
  mart_relief_population: [
    'population_group',
    'ord',
    'counties',
    'residents',
    'adults',
    'suppressed',
    'rounded',
  ],
  mart_relief_by_county: [
    'county_code',
    'county',
    'fips',
    'outcome',
    'counts',
    'people',
    'residents',
    'counts_per_100k',
    'people_per_100k',
    'suppressed',
    'rounded',
  ],
  mart_relief_by_year: ['conviction_year', 'outcome', 'counts', 'people', 'suppressed', 'rounded'],
  mart_relief_by_offense: [
    'code_section',
    'conviction_level',
    'outcome',
    'counts',
    'people',
    'suppressed',
    'rounded',
  ],
  mart_relief_by_demographics: [
    'race_group',
    'gender',
    'age_band',
    'outcome',
    'counts',
    'people',
    'adults',
    'suppressed',
    'rounded',
  ],
  mart_relief_by_layer: [
    'layer',
    'charge_kind',
    'race_group',
    'gender',
    'age_band',
    'outcome',
    'counts',
    'people',
    'suppressed',
    'rounded',
  ],
  mart_data_quality: [
    'check',
    'item',
    'detail',
    'counts',
    'people',
    'first_date',
    'last_date',
    'suppressed',
    'rounded',
  ],
  compare_relief_by_scenario: [
    'scenario',
    'race_group',
    'outcome',
    'counts',
    'people_at_least',
    'suppressed',
    'rounded',
  ],
} as const satisfies Record<string, readonly string[]>
export type PublicMartName = keyof typeof PUBLIC_MART_COLUMNS
