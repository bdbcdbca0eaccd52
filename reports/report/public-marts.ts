/**
 * The marts as the public sees them: every cell under the threshold (and its complements) withheld, then
 * written as CSV and Parquet by DuckDB and as Arrow IPC from the same query, and handed to the charts as
 * Arrow tables. One masked query per mart is the single source of all three files and of every chart, so
 * no public output can show a number the others withhold.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Table } from 'apache-arrow'
import { lit, type Db } from '../../pipelines/lib/duckdb.ts'
import { arrowFileBytes, queryArrow } from './arrow.ts'
import { suppressTable, type TableCell as Cell } from '../suppression/table-cells.ts'

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
    // Rejected lines join here: they count lines of the input file, not people, and only the error type is
    // published (an error message can quote the line's text).
    source: `select "check", item, detail, counts, people, first_date, last_date from mart_data_quality
      union all
      select 'rejected', split_part(reason, ':', 1), 'input lines not loaded (counts = lines)', count(*)::int,
        null::int, null::date, null::date
      from ingest_rejects group by 2`,
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

/**
 * The most Prop 64 convictions one person has in this run, kept only when every scenario of compare.csv has
 * exactly this run's Prop 64 convictions (same extract, same scope); otherwise 0, and the bound is unused.
 */
export const COMPARE_BOUND_SQL = `create or replace temp table report_compare_bound as
with mine as (
  select subject_id, count(*) as n from count_determinations
  where statute_rule_id is distinct from 'P64-SCOPE-01' group by subject_id
),
theirs as (
  select scenario, sum(convictions) as n from report_compare where charge_kind = 'prop64' group by scenario
)
select case when (select count(*) from theirs) > 0
    and (select bool_and(n = (select sum(n) from mine)) from theirs)
  then (select max(n) from mine) else 0 end::int as max_per_person`

export interface PublicMart {
  name: string
  table: Table
  /** Rows withheld, including the complements. */
  withheld: number
  /** Rows published rounded to the nearest 10 (complements of 100 people or more). */
  rounded: number
  files: string[]
}

const numbered = (m: PublicMartSpec) =>
  `select row_number() over (order by ${m.order})::int as row_id, * from (${m.source ?? `select * from ${m.name}`})`

/**
 * The masked query: withheld rows keep their labels and lose their numbers (`suppressed`); rounded rows show
 * counts and people rounded to the nearest 10 and rates scaled to match (`rounded`).
 */
function publicSql(m: PublicMartSpec, columns: string[]): string {
  const people = m.peopleColumn ?? 'people'
  const rounded = (c: string) => {
    if (c === 'counts') return 'k.counts'
    if (c === people) return 'k.people'
    const by = m.rates?.[c]
    if (by) return `s."${c}" * k.${by} / nullif(s."${by === 'counts' ? 'counts' : people}", 0)`
    return 'null'
  }
  const cols = columns
    .filter((c) => c !== 'row_id')
    .map((c) =>
      m.withheld.includes(c)
        ? `case when k.kind is null then s."${c}" when k.kind = 'rounded' then ${rounded(c)} end as "${c}"`
        : `s."${c}"`,
    )
  return `select ${cols.join(', ')}, coalesce(k.kind = 'withheld', false) as suppressed,
  coalesce(k.kind = 'rounded', false) as rounded
from (${numbered(m)}) s left join report_mask k on k.mart = ${lit(m.name)} and k.row_id = s.row_id
order by s.row_id`
}

/**
 * Decides what to withhold across all marts at once, then writes public/marts/<mart>.{csv,parquet,arrow}
 * (when `outDir` is given) and returns each public mart as an Arrow table.
 */
export async function publishMarts(
  db: Db,
  minCell: number,
  outDir?: string,
  specs: readonly PublicMartSpec[] = PUBLIC_MARTS,
): Promise<Map<string, PublicMart>> {
  const read: { m: PublicMartSpec; rows: Row[] }[] = []
  for (const m of specs) read.push({ m, rows: await db.rows<Row>(numbered(m)) })
  const cells: Cell[] = []
  const owners: { mart: string; rowId: number }[] = []
  for (const { m, rows } of read)
    for (const r of rows) {
      const c = m.cell(r)
      if (c) {
        cells.push(c)
        owners.push({ mart: m.name, rowId: Number(r.row_id) })
      }
    }
  const decisions = suppressTable(cells, { minCell })
  await db.run(
    `create or replace temp table report_mask (mart varchar, row_id integer, kind varchar, counts integer, people integer)`,
  )
  const masked = owners.flatMap((o, i) => {
    const d = decisions[i]
    return d ? [{ ...o, d }] : []
  })
  for (let i = 0; i < masked.length; i += 1000) {
    const values = masked
      .slice(i, i + 1000)
      .map(({ mart, rowId, d }) =>
        d.kind === 'rounded'
          ? `(${lit(mart)}, ${rowId}, 'rounded', ${d.counts}, ${d.people})`
          : `(${lit(mart)}, ${rowId}, 'withheld', null, null)`,
      )
    await db.run(`insert into report_mask values ${values.join(', ')}`)
  }

  if (outDir) mkdirSync(outDir, { recursive: true })
  const result = new Map<string, PublicMart>()
  for (const { m, rows } of read) {
    const columns = rows.length ? Object.keys(rows[0]!) : await columnsOf(db, numbered(m))
    const sql = publicSql(m, columns)
    const table = await queryArrow(db, sql)
    const files: string[] = []
    if (outDir) {
      const base = join(outDir, m.name)
      await db.run(`copy (${sql}) to ${lit(`${base}.csv`)} (header, delimiter ',')`)
      await db.run(`copy (${sql}) to ${lit(`${base}.parquet`)} (format parquet, compression zstd)`)
      writeFileSync(`${base}.arrow`, arrowFileBytes(table))
      files.push(`${m.name}.csv`, `${m.name}.parquet`, `${m.name}.arrow`)
    }
    result.set(m.name, {
      name: m.name,
      table,
      withheld: masked.filter((o) => o.mart === m.name && o.d.kind === 'withheld').length,
      rounded: masked.filter((o) => o.mart === m.name && o.d.kind === 'rounded').length,
      files,
    })
  }
  return result
}

async function columnsOf(db: Db, sql: string): Promise<string[]> {
  const r = await db.con.runAndReadAll(`select * from (${sql}) limit 0`)
  return r.columnNames()
}
