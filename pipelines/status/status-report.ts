/**
 * `relief status --out DIR`: where every identified count stands after filing, per county. Writes
 * public/status.json|md (small cells withheld with the existing suppression), restricted/doj/<county>_updates.csv
 * (granted counts, in the form the DOJ needs to update its records) and restricted/notify/<county>.csv (people whose
 * every Prop 64 count was granted, for a legal-aid mailing; the DOJ data holds no addresses).
 */
import { lockFolder } from '../run/run-folder.ts'
import { writeFileAtomically } from '../export/staged-writes.ts'
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { openDb, type Db } from '../lib/duckdb.ts'
import { lit } from '../../sql/helpers/quote.ts'
import { copyCsv } from '../run/write-outputs.ts'
import { escapeMarkdown } from '../../reports/summary/markdown-escape.ts'
import { UNKNOWN_COUNTY } from '../../sql/helpers/public-county.ts'
import { countyNames } from '../run/run-options.ts'
import { outPaths, REFERENCE_DIR } from '../lib/paths.ts'
import { UserError } from '../lib/user-error.ts'
import { buildModels } from '../run/build-models.ts'
import { shownValue, suppress } from '../../reports/suppression/suppress.ts'
import {
  narrow,
  prepareRestrictedFile,
  restrictedDir,
  freshRestrictedDir,
  runRelative,
} from '../export/restricted-files.ts'
import { uniqueSlugs } from '../export/slug.ts'
import { MIN_CELL } from '../../reports/suppression/min-cell.ts'
import { int_filing_status } from '../../sql/intermediate/int_filing_status.ts'
import { loadLedger } from './filing-ledger.ts'
import { caseKey } from '../../sql/helpers/court-fragments.ts'

export const MEASURES = [
  'identified',
  'filed',
  'granted',
  'denied',
  'withdrawn',
  'pending',
  'doj_updated',
] as const
type Measure = (typeof MEASURES)[number]

export interface StatusRow {
  county: string
  /** Convictions per measure; null where withheld. */
  counts: Record<Measure, number | null>
}

export interface StatusResult {
  rows: StatusRow[]
  ledgerRows: number
  rulingsWithoutCount: number
  files: string[]
}

const MEASURE_SQL: Record<Measure, string> = {
  identified: 'identified',
  filed: 'filed',
  granted: `filed and ruling = 'granted'`,
  denied: `filed and ruling = 'denied'`,
  withdrawn: `filed and ruling = 'withdrawn'`,
  pending: 'pending',
  doj_updated: `filed and doj_updated`,
}

export async function statusReport(o: { out: string; minCell?: number }): Promise<StatusResult> {
  const out = resolve(o.out)
  const paths = outPaths(out)
  if (!existsSync(paths.db)) throw new UserError(`${o.out}: no run here (relief.duckdb missing)`)
  const minCell = o.minCell ?? MIN_CELL
  // One writer at a time: a run swapping the folder, or another import, would lose this one's rulings.
  const unlock = lockFolder(out, 'status')
  let db: Awaited<ReturnType<typeof openDb>>
  try {
    db = await openDb(paths.db)
  } catch (e) {
    unlock()
    throw e
  }
  try {
    const ledgerRows = await loadLedger(db, out)
    const ctx = { rawSource: '', asOf: '', county: null, policyName: '', referenceDir: REFERENCE_DIR }
    await buildModels(db, ctx, [int_filing_status])
    const rulingsWithoutCount = Number(
      await db.scalar(`select count(*) from (select distinct county, case_key, cnt_order from filing_ledger) l
        where not exists (select 1 from int_filing_status s where s.county = l.county and s.cnt_order = l.cnt_order
          and ${caseKey('s.case_number')} = l.case_key)`),
    )
    const rows = await measureRows(db, minCell)
    const files = [
      ...writePublic(out, rows, minCell, ledgerRows),
      ...(await writeUpdates(db, out)),
      ...(await writeNotify(db, out)),
    ]
    return { rows, ledgerRows, rulingsWithoutCount, files }
  } finally {
    db.close()
    unlock()
  }
}

async function measureRows(db: Db, minCell: number): Promise<StatusRow[]> {
  const sel = MEASURES.map(
    (m) =>
      `count(*) filter (where ${MEASURE_SQL[m]})::int as ${m}_counts, count(distinct subject_id) filter (where ${MEASURE_SQL[m]})::int as ${m}_people`,
  ).join(',\n  ')
  const raw = await db.rows<Record<string, string | number>>(
    `select coalesce(county, 'unknown') as county, ${sel} from int_filing_status
     group by grouping sets ((county), ()) order by grouping(county) desc, county`,
  )
  const label = (r: Record<string, string | number>, i: number) => (i === 0 ? 'all' : String(r.county))
  const cells = new Map<string, { value: number; people: number }>()
  raw.forEach((r, i) => {
    for (const m of MEASURES)
      cells.set(`${label(r, i)}:${m}`, { value: Number(r[`${m}_counts`]), people: Number(r[`${m}_people`]) })
  })
  const counties = raw.slice(1).map((r) => String(r.county))
  const places = ['all', ...counties]
  // Statewide figures are never withheld as a complement: rounded to the nearest 10 instead.
  const decided = suppress(
    [...cells].map(([id, c]) => ({
      id,
      counts: c.value,
      people: c.people,
      protected: id.startsWith('all:'),
    })),
    [
      // Counties add up to the state for every measure; per place, the outcomes add up to what was filed.
      ...MEASURES.map((m) => ({ parts: counties.map((c) => `${c}:${m}`), total: `all:${m}` })),
      ...places.map((p) => ({
        parts: ['granted', 'denied', 'withdrawn', 'pending'].map((m) => `${p}:${m}`),
        total: `${p}:filed`,
      })),
    ],
    // Every identified count is filed: the two are one number.
    places.map((p) => [`${p}:identified`, `${p}:filed`]),
    { minCell },
  )
  const shown = (id: string) => shownValue(decided.get(id), cells.get(id)!.value)
  return places.map((p) => ({
    county: p,
    counts: Object.fromEntries(MEASURES.map((m) => [m, shown(`${p}:${m}`)])) as Record<
      Measure,
      number | null
    >,
  }))
}

/** Public files name only the 58 counties; a county typed otherwise in the rulings or the extract is not published. */
function publicCountyName(county: string): string {
  return countyNames().some((c) => c.county === county) ? county : UNKNOWN_COUNTY
}

function writePublic(out: string, rows: StatusRow[], minCell: number, ledgerRows: number): string[] {
  const dir = outPaths(out).public
  mkdirSync(dir, { recursive: true })
  const published = rows.map((r) => (r.county === 'all' ? r : { ...r, county: publicCountyName(r.county) }))
  const json = { min_cell: minCell, ledger_rulings: ledgerRows, measures: MEASURES, counties: published }
  writeFileAtomically(join(dir, 'status.json'), JSON.stringify(json, null, 2) + '\n')
  const cell = (v: number | null) => (v === null ? '(s)' : String(v))
  const md = [
    '# Filing status by county',
    '',
    `Convictions per county (Prop 64 counts of this run). Identified = relief determined (dismiss or reduce); filed = on a motion; pending = no ruling yet or continued; DOJ-updated = granted and confirmed updated by the DOJ. (s) = withheld: fewer than ${minCell} people, or recoverable from the totals.`,
    '',
    `| County | ${MEASURES.map((m) => m.replace('_', '-')).join(' | ')} |`,
    `|---|${MEASURES.map(() => '---:').join('|')}|`,
    ...rows.map(
      (r) =>
        `| ${r.county === 'all' ? 'All counties' : escapeMarkdown(publicCountyName(r.county))} | ${MEASURES.map((m) => cell(r.counts[m])).join(' | ')} |`,
    ),
    '',
  ].join('\n')
  writeFileAtomically(join(dir, 'status.md'), md)
  return ['public/status.json', 'public/status.md']
}

/** Granted counts per county, with the identity and the order the DOJ needs to update the record. */
async function writeUpdates(db: Db, out: string): Promise<string[]> {
  const restricted = outPaths(out).restricted
  restrictedDir(restricted)
  const dir = restrictedDir(restricted, 'doj')
  // The DOJ results files of the run stay; update files of an earlier status that no longer apply go.
  for (const f of readdirSync(dir)) if (f.endsWith('_updates.csv')) rmSync(join(dir, f))
  return writePerCounty(
    db,
    out,
    dir,
    '_updates',
    `
    select f.county, f.court, f.case_number, f.cnt_order, f.subject_id, s.cii_number, s.name,
      strftime(s.dob, '%Y-%m-%d') as dob, f.code_section, f.conviction_date, f.determination as relief, f.remedy,
      strftime(f.ruling_date, '%Y-%m-%d') as ruling_date, f.order_text,
      strftime(f.doj_updated_date, '%Y-%m-%d') as doj_updated_date
    from int_filing_status f join int_subjects s using (subject_id)
    where f.filed and f.ruling = 'granted'`,
    'case_number, cnt_order',
  )
}

/** People whose every Prop 64 count of this run was granted (per county where a count was cleared). */
async function writeNotify(db: Db, out: string): Promise<string[]> {
  const dir = freshRestrictedDir(outPaths(out).restricted, 'notify')
  return writePerCounty(
    db,
    out,
    dir,
    '',
    `
    with cleared as (
      select subject_id from int_filing_status group by subject_id
      having bool_and(filed and coalesce(ruling, '') = 'granted')
    )
    select f.county, s.name, strftime(s.dob, '%Y-%m-%d') as dob, s.cii_number, f.subject_id,
      string_agg(f.case_number || ' count ' || f.cnt_order || ' ' || f.code_section || ' (' || f.determination || ', granted ' || strftime(f.ruling_date, '%Y-%m-%d') || ')', '; ' order by f.case_number, f.cnt_order) as counts_cleared,
      'not in the DOJ data: find through the court file or a legal-aid intake' as address
    from int_filing_status f join cleared using (subject_id) join int_subjects s using (subject_id)
    group by all`,
    'name, subject_id',
  )
}

async function writePerCounty(
  db: Db,
  out: string,
  dir: string,
  suffix: string,
  select: string,
  order: string,
): Promise<string[]> {
  await db.run(`create or replace temp table status_out as ${select}`)
  const counties = (
    await db.rows<{ county: string | null }>(
      `select distinct county from status_out order by county nulls last`,
    )
  ).map((r) => r.county)
  const slugs = uniqueSlugs(counties, 'unknown-county')
  const written: string[] = []
  for (const [i, county] of counties.entries()) {
    const path = join(dir, `${slugs[i]}${suffix}.csv`)
    prepareRestrictedFile(path)
    await copyCsv(
      db,
      `select * from status_out where county ${county === null ? 'is null' : `= ${lit(county)}`} order by ${order}`,
      path,
    )
    narrow(path)
    written.push(runRelative(out, path))
  }
  return written
}
