/**
 * The marts as the public sees them: for each published mart, its row order, the columns a withheld row
 * loses, and the cell each row describes for small-cell suppression. Pure: pipelines/outputs/publish-marts.ts
 * reads the rows, decides what to withhold and writes the files; the report's charts read the result.
 */
import type { Table } from 'apache-arrow'
import type { TableCell as Cell } from '../suppression/table-cells.ts'

type Row = Record<string, unknown>

export interface PublicMartSpec {
  /** Mart model name; also the file name under public/marts/. */
  name: string
  /** The rows to publish (default: the mart table). */
  source?: string
  /** Total order of the rows, so row numbers (and files) are stable. */
  order: string
  /** Columns emptied when the row is withheld; when it is rounded, they are rounded too (or emptied). */
  withheld: string[]
  /** Withheld columns that are a rate of counts or people: scaled with the rounded number, not emptied. */
  rates?: Record<string, 'counts' | 'people'>
  /** The column holding the cell's people (default 'people'). */
  peopleColumn?: string
  /** The cell a row describes, or null for a row about no person (population, rejected file lines). */
  cell(row: Row): Cell | null
}

const OUTCOME_ORDER = `case outcome when 'dismiss' then 0 when 'reduce' then 1 when 'review' then 2
  when 'not_eligible' then 3 when 'relief' then 4 else 5 end`
const counted = (row: Row) => ({
  counts: Number(row.counts),
  people: Number(row.people),
  outcome: String(row.outcome),
})
const COUNT_COLUMNS = ['counts', 'people']

export const PUBLIC_MARTS: readonly PublicMartSpec[] = [
  {
    name: 'mart_relief_population',
    order: 'ord',
    withheld: [],
    cell: () => null,
  },
  {
    name: 'mart_relief_by_county',
    order: `county = 'all' desc, county, ${OUTCOME_ORDER}`,
    withheld: [...COUNT_COLUMNS, 'counts_per_100k', 'people_per_100k'],
    rates: { counts_per_100k: 'counts', people_per_100k: 'people' },
    cell: (r) => ({ ...counted(r), layer: 'final', dims: { county: String(r.county) } }),
  },
  {
    name: 'mart_relief_by_year',
    order: `conviction_year = 'all' desc, conviction_year, ${OUTCOME_ORDER}`,
    withheld: COUNT_COLUMNS,
    cell: (r) => ({ ...counted(r), layer: 'final', dims: { conviction_year: String(r.conviction_year) } }),
  },
  {
    name: 'mart_relief_by_offense',
    order: `code_section = 'all' desc, code_section, conviction_level = 'all' desc, conviction_level, ${OUTCOME_ORDER}`,
    withheld: COUNT_COLUMNS,
    cell: (r) => ({
      ...counted(r),
      layer: 'final',
      dims: { code_section: String(r.code_section), conviction_level: String(r.conviction_level) },
    }),
  },
  {
    name: 'mart_relief_by_demographics',
    order: `race_group = 'all' desc, race_group, gender = 'all' desc, gender, age_band = 'all' desc, age_band, ${OUTCOME_ORDER}`,
    withheld: COUNT_COLUMNS,
    cell: (r) => ({
      ...counted(r),
      layer: 'final',
      dims: { race_group: String(r.race_group), gender: String(r.gender), age_band: String(r.age_band) },
    }),
  },
  {
    name: 'mart_relief_by_layer',
    order: `layer desc, charge_kind desc, race_group = 'all' desc, race_group, gender = 'all' desc, gender, age_band = 'all' desc, age_band, ${OUTCOME_ORDER}`,
    withheld: COUNT_COLUMNS,
    cell: (r) => ({
      ...counted(r),
      // Prop 64 rows are the same cells as the demographics margins; related charges are a table of their own.
      layer: r.charge_kind === 'related' ? `${String(r.layer)}:related` : String(r.layer),
      dims: { race_group: String(r.race_group), gender: String(r.gender), age_band: String(r.age_band) },
    }),
  },
  {
    name: 'mart_data_quality',
    // With the rejected input lines (counted in lines, not people).
    source: `select * from mart_public_data_quality`,
    order: `"check" = 'review' desc, "check", item = 'all' desc, item`,
    withheld: [...COUNT_COLUMNS, 'first_date', 'last_date'],
    cell: (r): Cell | null => {
      if (r.check === 'rejected') return null
      const base = { counts: Number(r.counts), people: Number(r.people), layer: 'final' }
      if (r.check === 'review') return { ...base, outcome: 'review', dims: { rule_id: String(r.item) } }
      return { ...base, outcome: 'all', additive: false, dims: { quality_check: `${r.check}:${r.item}` } }
    },
  },
]

/**
 * `relief compare` output found in the run folder (compare.csv, loaded as the temp table report_compare):
 * relief by scenario and race group. compare.csv holds people per fine cell only, so the people in an
 * aggregated cell are not known exactly. Two lower bounds are used, the larger wins: the largest fine cell
 * inside it, and its convictions divided by the most Prop 64 convictions any one person has in this run
 * (report_compare_bound.max_per_person; 0 when compare.csv is not of this run's extract, which disables it).
 * A cell is withheld unless the bound reaches the threshold: more is withheld than necessary, never less.
 */
export const COMPARE_MART: PublicMartSpec = {
  name: 'compare_relief_by_scenario',
  source: `with c as (
      select scenario, coalesce(race_group, 'unknown') as race_group, determination, convictions, people
      from report_compare where charge_kind = 'prop64'
    ),
    o as (
      select scenario, race_group, determination as outcome, convictions, people from c
      union all select scenario, race_group, 'relief', convictions, people from c where determination in ('dismiss', 'reduce')
      union all select scenario, race_group, 'all', convictions, people from c
    )
    select scenario, case when grouping(race_group) = 1 then 'all' else race_group end as race_group, outcome,
      sum(convictions)::int as counts,
      greatest(
        max(people),
        coalesce(ceil(sum(convictions) / nullif((select max_per_person from report_compare_bound), 0)), 0)
      )::int as people_at_least
    from o group by grouping sets ((scenario, race_group, outcome), (scenario, outcome))`,
  order: `scenario = 'statute' desc, scenario, race_group = 'all' desc, race_group, ${OUTCOME_ORDER}`,
  withheld: ['counts', 'people_at_least'],
  peopleColumn: 'people_at_least',
  cell: (r) => ({
    counts: Number(r.counts),
    people: Number(r.people_at_least),
    outcome: String(r.outcome),
    layer: `scenario:${String(r.scenario)}`,
    dims: { race_group: String(r.race_group) },
  }),
}

export interface PublicMart {
  name: string
  table: Table
  /** The table as an Arrow IPC file (the bytes of its .arrow file). */
  ipc: Uint8Array
  /** Rows withheld, including the complements. */
  withheld: number
  /** Rows published rounded to the nearest 10 (complements of 100 people or more). */
  rounded: number
  files: string[]
}
