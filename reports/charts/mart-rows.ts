/** Row shapes of the public marts (after suppression: withheld numbers are null, `suppressed` is true; rounded ones have `rounded`). */

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
