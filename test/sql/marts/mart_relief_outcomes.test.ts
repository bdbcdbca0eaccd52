import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDb, type Db } from '../../../pipelines/lib/duckdb.ts'
import { DETERMINATIONS } from '../../../data-contracts/determinations.ts'
import { lit } from '../../../sql/helpers/quote.ts'
import { dim, outcomeCells, outcomeRows } from '../../../sql/marts/mart_relief_outcomes.ts'

type Row = Record<string, unknown>

interface Labelled {
  subject_id: string
  charge_kind: string
  race_group: string
  gender: string
  age_band: string
  statute_determination: string
  determination: string
}

const labelledSql = (rows: Labelled[]) =>
  `select * from (values ${rows
    .map(
      (r) =>
        `(${[r.subject_id, r.charge_kind, r.race_group, r.gender, r.age_band, r.statute_determination, r.determination].map(lit).join(', ')})`,
    )
    .join(
      ', ',
    )}) v(subject_id, charge_kind, race_group, gender, age_band, statute_determination, determination)`

/**
 * The formulation outcomeCells replaces, kept as the oracle: every row once per outcome it belongs to (and per
 * layer), grouped by the sets with count(*) and count(distinct subject_id).
 */
const referenceSql = (labelled: string) => `
with labelled as (${labelled}),
both_layers as (
  select *, 'statute' as layer, statute_determination as layer_determination from labelled
  union all
  select *, 'final' as layer, determination as layer_determination from labelled
),
outcomes as (${outcomeRows('layer_determination', 'both_layers')})
select layer, charge_kind, ${dim('race_group')}, ${dim('gender')}, ${dim('age_band')}, outcome,
  count(*)::int as counts, count(distinct subject_id)::int as people
from outcomes
group by grouping sets ((layer, charge_kind, race_group, gender, outcome), (layer, charge_kind, age_band, outcome),
  (layer, charge_kind, gender, outcome), (layer, charge_kind, outcome))`

const cellsSql = (labelled: string) => `
with labelled as (${labelled})
select layer, charge_kind, race_group, gender, age_band, outcome, counts, people
from (${outcomeCells({
  from: 'labelled',
  by: ['charge_kind'],
  sets: [['race_group', 'gender'], ['age_band'], ['gender'], []],
  layers: [
    { layer: 'statute', column: 'statute_determination' },
    { layer: 'final', column: 'determination' },
  ],
})})`

const sorted = (rows: Row[]) => rows.map((r) => JSON.stringify(r)).sort()

describe('outcomeCells', () => {
  let db: Db
  beforeAll(async () => {
    db = await openDb(':memory:', { threads: 1 })
  })
  afterAll(() => db.close())

  it('gives the rows of the per-outcome count(*) and count(distinct subject_id) it replaces, for any counts', async () => {
    const determination = fc.constantFrom(...DETERMINATIONS)
    const row = fc.record({
      subject_id: fc.constantFrom('A', 'B', 'C', 'D'),
      charge_kind: fc.constantFrom('prop64', 'related'),
      race_group: fc.constantFrom('white_nh', 'black_nh', 'unknown'),
      gender: fc.constantFrom('male', 'female'),
      age_band: fc.constantFrom('18-20', '21-24', 'unknown'),
      statute_determination: determination,
      determination,
    })
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 25 }), async (rows) => {
        const labelled = labelledSql(rows)
        const want = await db.rows(referenceSql(labelled))
        const got = await db.rows(cellsSql(labelled))
        expect(sorted(got)).toEqual(sorted(want))
      }),
      { numRuns: 150 },
    )
  })

  it('counts a person once per cell across outcomes, by hand', async () => {
    // A has a dismissed and a reduced count in the same band, B a review: relief is 2 counts, 1 person.
    const base = { charge_kind: 'prop64', race_group: 'white_nh', gender: 'male', age_band: '18-20' }
    const rows: Labelled[] = [
      { ...base, subject_id: 'A', statute_determination: 'dismiss', determination: 'dismiss' },
      { ...base, subject_id: 'A', statute_determination: 'reduce', determination: 'reduce' },
      { ...base, subject_id: 'B', statute_determination: 'review', determination: 'dismiss' },
    ]
    const got = await db.rows<Row>(cellsSql(labelledSql(rows)))
    const total = (layer: string, outcome: string) =>
      got.find(
        (r) =>
          r.layer === layer &&
          r.race_group === 'all' &&
          r.gender === 'all' &&
          r.age_band === 'all' &&
          r.outcome === outcome,
      )
    expect(total('statute', 'relief')).toMatchObject({ counts: 2, people: 1 })
    expect(total('final', 'relief')).toMatchObject({ counts: 3, people: 2 })
    expect(total('statute', 'all')).toMatchObject({ counts: 3, people: 2 })
    expect(total('statute', 'not_eligible')).toBeUndefined() // no row: no cell
    // race x gender cell, and the gender margin, both 'male'
    expect(got.filter((r) => r.gender === 'male' && r.outcome === 'all')).toHaveLength(4)
  })
})
