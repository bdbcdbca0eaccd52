/**
 * The press and impact summary as data: the numbers of mart_summary_convictions and mart_summary_people,
 * arranged statewide and per county, with small-cell suppression applied. Withheld numbers are null. Nothing here computes a count; it only
 * arranges and withholds.
 */
import type { Db } from '../lib/duckdb.ts'
import type { Manifest } from '../../data-contracts/manifest.contract.ts'
import { qb } from '../../sql/kysely.ts'
import { selectRows } from '../lib/select-rows.ts'
import { shownValue, suppress, type Constraint as AdditiveGroup } from '../../reports/suppression/suppress.ts'

interface Cell {
  value: number
  people: number
}
import { DETERMINATIONS, ordered, REMEDIES } from '../../data-contracts/determinations.ts'
import {
  DEFINITIONS,
  PEOPLE_MEASURES,
  type AreaSummary,
  type PeopleMeasure,
  type Summary,
  type SummaryPeopleRow,
} from '../../data-contracts/outputs/summary.contract.ts'

export const NO_COUNTY_LABEL = '(county not recorded)'

const peopleColumn: Record<PeopleMeasure, keyof SummaryPeopleRow> = {
  with_in_scope_convictions: 'people_in_scope',
  affected: 'affected',
  left_with_no_felony: 'left_with_no_felony',
  left_with_no_conviction: 'left_with_no_conviction',
  no_conviction_in_last_7_years: 'no_conviction_in_last_7_years',
}

export async function buildSummary(db: Db, manifest: Manifest, minCell: number): Promise<Summary> {
  const convRows = await selectRows(
    db,
    qb
      .selectFrom('mart_summary_convictions')
      .selectAll()
      .orderBy('statewide', 'desc')
      .orderBy('county', (o) => o.asc().nullsLast())
      .orderBy('dim')
      .orderBy('value'),
  )
  const peopleRows = await selectRows(
    db,
    qb
      .selectFrom('mart_summary_people')
      .selectAll()
      .orderBy('statewide', 'desc')
      .orderBy('county', (o) => o.asc().nullsLast()),
  )
  const areaOf = (r: { statewide: boolean; county: string | null }) =>
    r.statewide ? 'statewide' : (r.county ?? NO_COUNTY_LABEL)
  const counties = [...new Set(peopleRows.filter((r) => !r.statewide).map(areaOf))]
  const areas = ['statewide', ...counties]
  const determinations = ordered(
    DETERMINATIONS,
    convRows.filter((r) => r.dim === 'determination').map((r) => r.value),
  )
  const reliefs = ordered(
    REMEDIES,
    convRows.filter((r) => r.dim === 'relief').map((r) => r.value),
  )

  // Every cell, zero-filled, keyed area|kind|…
  const cells = new Map<string, Cell>()
  for (const a of areas) {
    cells.set(`${a}|all`, { value: 0, people: 0 })
    for (const v of determinations) cells.set(`${a}|determination|${v}`, { value: 0, people: 0 })
    for (const v of reliefs) cells.set(`${a}|relief|${v}`, { value: 0, people: 0 })
    for (const m of PEOPLE_MEASURES) cells.set(`${a}|people|${m}`, { value: 0, people: 0 })
  }
  for (const r of convRows) {
    const id = r.dim === 'all' ? `${areaOf(r)}|all` : `${areaOf(r)}|${r.dim}|${r.value}`
    cells.set(id, { value: r.convictions, people: r.people })
  }
  for (const r of peopleRows)
    for (const m of PEOPLE_MEASURES) {
      const n = Number(r[peopleColumn[m]])
      cells.set(`${areaOf(r)}|people|${m}`, { value: n, people: n })
    }

  const groups: AdditiveGroup[] = []
  const links: string[][] = []
  for (const a of areas) {
    groups.push({ parts: determinations.map((v) => `${a}|determination|${v}`), total: `${a}|all` })
    groups.push({ parts: reliefs.map((v) => `${a}|relief|${v}`), total: `${a}|all` })
    // review and not_eligible are the same counts whether read as a determination or as a relief.
    for (const v of determinations.filter((d) => reliefs.includes(d)))
      links.push([`${a}|determination|${v}`, `${a}|relief|${v}`])
  }
  const across = (suffix: string) => ({
    parts: counties.map((c) => `${c}|${suffix}`),
    total: `statewide|${suffix}`,
  })
  groups.push(across('all'))
  for (const v of determinations) groups.push(across(`determination|${v}`))
  for (const v of reliefs) groups.push(across(`relief|${v}`))
  // People are not strictly additive across counties, but near enough to difference: treat them so.
  for (const m of PEOPLE_MEASURES) groups.push(across(`people|${m}`))

  // Statewide figures are never withheld as a complement (rounded to the nearest 10 instead).
  const decided = suppress(
    [...cells].map(([id, c]) => ({
      id,
      counts: c.value,
      people: c.people,
      protected: id.startsWith('statewide|'),
    })),
    groups,
    links,
    { minCell },
  )
  const withheld = [...decided].filter(([, d]) => d.kind === 'withheld')
  const rounded = [...decided].filter(([, d]) => d.kind === 'rounded').map(([id]) => id)
  const show = (id: string) => shownValue(decided.get(id), cells.get(id)!.value)
  const area = (a: string): AreaSummary => ({
    county: a,
    convictions: {
      total: show(`${a}|all`),
      by_determination: Object.fromEntries(determinations.map((v) => [v, show(`${a}|determination|${v}`)])),
      by_relief: Object.fromEntries(reliefs.map((v) => [v, show(`${a}|relief|${v}`)])),
    },
    people: Object.fromEntries(
      PEOPLE_MEASURES.map((m) => [m, show(`${a}|people|${m}`)]),
    ) as AreaSummary['people'],
  })
  return {
    title: 'Prop 64 record relief: press and impact summary',
    run_id: manifest.run_id,
    as_of: manifest.as_of,
    policy: manifest.options.policy,
    scope: manifest.options.county ? `${manifest.options.county} County only` : 'statewide',
    tool: { name: manifest.tool.name, version: manifest.tool.version },
    suppression: {
      min_cell: minCell,
      withheld_cells: withheld.length,
      rounded_cells: rounded.length,
      rounded,
      note: `null means withheld: a number describing fewer than ${minCell} people is withheld, and so is any number from which such a number could be worked out by subtraction; zeros are shown. A number of 100 people or more (and a statewide figure) is never withheld for that reason: it is rounded to the nearest 10 instead, and listed in "rounded" (area|kind|item).`,
    },
    definitions: DEFINITIONS,
    statewide: {
      ...area('statewide'),
      county: manifest.options.county ? `${manifest.options.county} (county run)` : 'STATEWIDE',
    },
    counties: counties.map(area),
  }
}
