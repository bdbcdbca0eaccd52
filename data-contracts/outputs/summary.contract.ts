/**
 * public/summary.json: the press and impact summary. Written by pipelines/outputs/summary-step.ts, rendered
 * as markdown by reports/summary/summary-markdown.ts. Withheld numbers are null.
 */

/** People measures, in the order of the summary's table. */
export const PEOPLE_MEASURES = [
  'with_in_scope_convictions',
  'affected',
  'left_with_no_felony',
  'left_with_no_conviction',
  'no_conviction_in_last_7_years',
] as const
export type PeopleMeasure = (typeof PEOPLE_MEASURES)[number]

export interface AreaSummary {
  county: string
  convictions: {
    total: number | null
    by_determination: Record<string, number | null>
    by_relief: Record<string, number | null>
  }
  people: Record<PeopleMeasure, number | null>
}

export interface Summary {
  title: string
  run_id: string
  as_of: string
  policy: string
  scope: string
  tool: { name: string; version: string }
  suppression: {
    min_cell: number
    withheld_cells: number
    /** Cells published rounded to the nearest 10 (a complement of 100+ people, or a statewide figure). */
    rounded_cells: number
    /** Their ids, area|kind|item. */
    rounded: string[]
    note: string
  }
  definitions: Record<string, string>
  statewide: AreaSummary
  counties: AreaSummary[]
}

export const DEFINITIONS: Record<string, string> = {
  convictions:
    'In-scope Prop 64 conviction counts (HS 11357-11360, 11362.1-11362.4 convicted in a California court), by final determination and by relief track.',
  relief:
    'A count whose final determination is dismiss or reduce, whatever the track (dismiss and seal, redesignate, or recall and resentence).',
  with_in_scope_convictions: 'People (distinct SUBJECT_ID) with at least one in-scope count.',
  affected: 'People with at least one count getting relief.',
  left_with_no_felony:
    'Affected people who had at least one felony conviction (any offense, anywhere in the record) and for whom every felony conviction gets relief in this run.',
  left_with_no_conviction: 'Affected people for whom every conviction of any kind is dismissed in this run.',
  no_conviction_in_last_7_years:
    'Affected people with no conviction dated in the 7 years up to the as-of date (a conviction with no readable date counts as possibly recent).',
  counties:
    'A person is counted in every county where they have an in-scope count (for affected: a count getting relief); the statewide figure counts each person once, so county figures need not add up to it.',
}

/** A row of mart_summary_convictions: one conviction cell of an area. */
export interface SummaryConvictionRow {
  statewide: boolean
  county: string | null
  dim: 'all' | 'determination' | 'relief'
  value: string
  convictions: number
  people: number
}

/** A row of mart_summary_people: the people measures of an area. */
export interface SummaryPeopleRow {
  statewide: boolean
  county: string | null
  people_in_scope: number
  affected: number
  left_with_no_felony: number
  left_with_no_conviction: number
  no_conviction_in_last_7_years: number
}
