/**
 * Publishes the marts: every cell under the threshold (and its complements) withheld, then written as CSV
 * and Parquet by DuckDB and as Arrow IPC from the same query, and handed to the charts as Arrow tables. One
 * masked query per mart is the single source of all three files and of every chart, so no public output can
 * show a number the others withhold.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Db } from '../lib/duckdb.ts'
import { lit } from '../../sql/helpers/quote.ts'
import { arrowFileBytes, queryArrow } from './arrow.ts'
import { suppressTable, type TableCell as Cell } from '../../reports/suppression/table-cells.ts'
import { PUBLIC_MARTS, type PublicMart, type PublicMartSpec } from '../../reports/report/public-marts.ts'
import { PUBLIC_MART_COLUMNS } from '../../data-contracts/outputs/public-marts.contract.ts'

type Row = Record<string, unknown>

/**
 * The most Prop 64 convictions one person has in this run, kept only when every scenario of compare.csv has
 * exactly this run's Prop 64 convictions (same extract, same scope); otherwise 0, and the bound is unused.
 */
export const COMPARE_BOUND_SQL = `create or replace temp table report_compare_bound as
with mine as (
  select subject_id, count(*) as n from count_determinations
  where not is_related group by subject_id
),
theirs as (
  select scenario, sum(convictions) as n from report_compare where charge_kind = 'prop64' group by scenario
)
select case when (select count(*) from theirs) > 0
    and (select bool_and(n = (select sum(n) from mine)) from theirs)
  then (select max(n) from mine) else 0 end::int as max_per_person`

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
  const masked = await maskMarts(db, minCell, outDir, specs)
  await masked.writeFiles()
  return masked.marts
}

/** The public marts, decided and read; their files are written by `writeFiles` (after, or beside other work). */
export interface MaskedMarts {
  marts: Map<string, PublicMart>
  /** Writes public/marts/<mart>.{csv,parquet,arrow} (nothing without an `outDir`), on the same connection. */
  writeFiles(): Promise<void>
}

/**
 * Decides what to withhold and reads each public mart as an Arrow table, with the names of the files it will have;
 * the files are left to `writeFiles`, so that the report's charts can be drawn while they are written (on a 1M-line
 * run the report was the last output to finish, its drawing waiting on the marts' files).
 */
export async function maskMarts(
  db: Db,
  minCell: number,
  outDir?: string,
  specs: readonly PublicMartSpec[] = PUBLIC_MARTS,
): Promise<MaskedMarts> {
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

  const result = new Map<string, PublicMart>()
  const writes: { base: string; sql: string; ipc: Uint8Array }[] = []
  for (const { m, rows } of read) {
    const columns = rows.length ? Object.keys(rows[0]!) : await columnsOf(db, numbered(m))
    checkContract(m.name, columns)
    const sql = publicSql(m, columns)
    const table = await queryArrow(db, sql)
    const ipc = arrowFileBytes(table)
    const files: string[] = []
    if (outDir) {
      writes.push({ base: join(outDir, m.name), sql, ipc })
      files.push(`${m.name}.csv`, `${m.name}.parquet`, `${m.name}.arrow`)
    }
    result.set(m.name, {
      name: m.name,
      table,
      ipc,
      withheld: masked.filter((o) => o.mart === m.name && o.d.kind === 'withheld').length,
      rounded: masked.filter((o) => o.mart === m.name && o.d.kind === 'rounded').length,
      files,
    })
  }
  return {
    marts: result,
    async writeFiles() {
      if (outDir) mkdirSync(outDir, { recursive: true })
      for (const { base, sql, ipc } of writes) {
        await db.run(`copy (${sql}) to ${lit(`${base}.csv`)} (header, delimiter ',')`)
        await db.run(`copy (${sql}) to ${lit(`${base}.parquet`)} (format parquet, compression zstd)`)
        writeFileSync(`${base}.arrow`, ipc)
      }
    },
  }
}

async function columnsOf(db: Db, sql: string): Promise<string[]> {
  const r = await db.con.runAndReadAll(`select * from (${sql}) limit 0`)
  return r.columnNames()
}

/** A published mart must have exactly its contract's columns: a model change cannot reshape a public file silently. */
function checkContract(name: string, columns: readonly string[]): void {
  const expected = (PUBLIC_MART_COLUMNS as Record<string, readonly string[]>)[name]
  if (!expected) throw new Error(`public mart ${name}: no column contract in public-marts.contract.ts`)
  const got = [...columns.filter((c) => c !== 'row_id'), 'suppressed', 'rounded']
  if (got.join(',') !== expected.join(','))
    throw new Error(
      `public mart ${name}: columns ${got.join(', ')} differ from its contract ${expected.join(', ')}`,
    )
}
