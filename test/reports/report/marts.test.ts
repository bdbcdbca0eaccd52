import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { countyNames } from '../../../pipelines/run/run-options.ts'
import { UNKNOWN_COUNTY } from '../../../sql/helpers/public-county.ts'
import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import type { Db } from '../../../pipelines/lib/duckdb.ts'
import { REFERENCE_DIR } from '../../../pipelines/lib/paths.ts'
import { martDb, type CountFixture } from './mart-db.ts'

// A seeded random fixture, with every aggregate recomputed here in plain TypeScript from the same rows.
const RACE: Record<string, string> = {
  W: 'white_nh',
  B: 'black_nh',
  H: 'hispanic',
  A: 'asian_nh',
  O: 'other_nh',
  X: 'unknown',
}
const DETS = ['dismiss', 'reduce', 'review', 'not_eligible']
const ageBand = (a: number | null) =>
  a == null
    ? 'unknown'
    : a < 18
      ? 'under 18'
      : a < 21
        ? '18-20'
        : a < 25
          ? '21-24'
          : a < 35
            ? '25-34'
            : a < 45
              ? '35-44'
              : a < 55
                ? '45-54'
                : '55+'

const FIXTURE: CountFixture[] = fc
  .sample(
    fc.record({
      race: fc.constantFrom('W', 'B', 'H', 'A', 'X'),
      gender: fc.constantFrom('M', 'F', null),
      counts: fc.array(
        fc.record({
          county: fc.constantFrom('LOS ANGELES', 'ALPINE', 'YOLO', 'NARNIA'),
          year: fc.option(fc.integer({ min: 1980, max: 2019 }), { freq: 8 }),
          section: fc.constantFrom('HS 11357', 'HS 11359', 'HS 11360(A)'),
          level: fc.constantFrom('felony', 'misdemeanor', null),
          age: fc.option(fc.integer({ min: 16, max: 60 }), { freq: 8 }),
          statute: fc.constantFrom(...DETS),
          up: fc.boolean(),
        }),
        { minLength: 1, maxLength: 3 },
      ),
    }),
    { numRuns: 150, seed: 42 },
  )
  .flatMap((p, i) =>
    p.counts.map((c) => ({
      subject_id: `S${i}`,
      county: c.county,
      conviction_year: c.year,
      code_section: c.section,
      conviction_level: c.level,
      race_code: p.race,
      gender: p.gender,
      age_at_conviction: c.age,
      statute_determination: c.statute,
      determination: c.up && c.statute === 'reduce' ? 'dismiss' : c.statute,
    })),
  )

/** counts and people per key × outcome, straight from the fixture. */
function expected(
  key: (c: CountFixture) => string,
  det: (c: CountFixture) => string = (c) => c.determination,
) {
  const cells = new Map<string, { counts: number; people: Set<string> }>()
  const add = (k: string, c: CountFixture) => {
    const cell = cells.get(k) ?? { counts: 0, people: new Set<string>() }
    cell.counts++
    cell.people.add(c.subject_id)
    cells.set(k, cell)
  }
  for (const c of FIXTURE) {
    const outcomes = [det(c), 'all', ...(['dismiss', 'reduce'].includes(det(c)) ? ['relief'] : [])]
    for (const o of outcomes) {
      add(`${key(c)}|${o}`, c)
      add(`all|${o}`, c)
    }
  }
  return new Map([...cells].map(([k, v]) => [k, { counts: v.counts, people: v.people.size }]))
}

let db: Db
beforeAll(async () => {
  db = await martDb(FIXTURE)
})
afterAll(() => db.close())

async function martCells(sql: string) {
  const rows = await db.rows<{ k: string; counts: number; people: number }>(sql)
  return new Map(rows.filter((r) => r.counts > 0).map((r) => [r.k, { counts: r.counts, people: r.people }]))
}

describe('relief marts cross-checked against the counts they summarise', () => {
  it('by county (zero-filled for all 58 counties; a name not among them published as Unknown county)', async () => {
    const got = await martCells(
      `select county || '|' || outcome k, counts, people from mart_relief_by_county`,
    )
    const known = new Set(countyNames().map((c) => c.county))
    expect(got).toEqual(expected((c) => (known.has(c.county!) ? c.county! : UNKNOWN_COUNTY)))
    const n = await db.scalar<bigint>(`select count(distinct county) from mart_relief_by_county`)
    expect(Number(n)).toBe(58 + 1 + 1) // 58 counties, 'Unknown county' (NARNIA), and 'all'
    expect(
      Number(await db.scalar(`select count(*) from mart_relief_by_county where county = 'NARNIA'`)),
    ).toBe(0)
  })

  it('by year, with unknown for a missing conviction date', async () => {
    const got = await martCells(
      `select conviction_year || '|' || outcome k, counts, people from mart_relief_by_year`,
    )
    expect(got).toEqual(expected((c) => (c.conviction_year == null ? 'unknown' : String(c.conviction_year))))
  })

  it('by offense: section × level', async () => {
    const got = await martCells(
      `select code_section || '/' || conviction_level || '|' || outcome k, counts, people from mart_relief_by_offense
       where (code_section = 'all') = (conviction_level = 'all')`,
    )
    const want = expected((c) => `${c.code_section}/${c.conviction_level ?? 'unknown'}`)
    const fixed = new Map(
      [...want].map(([k, v]) => [k.startsWith('all|') ? k.replace('all|', 'all/all|') : k, v]),
    )
    expect(got).toEqual(fixed)
  })

  it('by demographics: each one-way margin and the three-way table', async () => {
    const gender = (c: CountFixture) => (c.gender === 'M' ? 'male' : c.gender === 'F' ? 'female' : 'unknown')
    const margins: [string, (c: CountFixture) => string][] = [
      ['race_group', (c) => RACE[c.race_code!]!],
      ['gender', gender],
      ['age_band', (c) => ageBand(c.age_at_conviction)],
    ]
    for (const [dim, f] of margins) {
      const others = margins.map(([d]) => d).filter((d) => d !== dim)
      const got = await martCells(
        `select ${dim} || '|' || outcome k, counts, people from mart_relief_by_demographics
         where ${others.map((d) => `${d} = 'all'`).join(' and ')}`,
      )
      expect(got, dim).toEqual(expected(f))
    }
    const three = await martCells(
      `select race_group || '/' || gender || '/' || age_band || '|' || outcome k, counts, people
       from mart_relief_by_demographics where race_group <> 'all' and gender <> 'all' and age_band <> 'all'`,
    )
    const want = expected((c) => `${RACE[c.race_code!]}/${gender(c)}/${ageBand(c.age_at_conviction)}`)
    expect(three).toEqual(new Map([...want].filter(([k]) => !k.startsWith('all|'))))
  })

  it('by layer: the statute determination and the final one', async () => {
    for (const [layer, det] of [
      ['statute', (c: CountFixture) => c.statute_determination],
      ['final', (c: CountFixture) => c.determination],
    ] as const) {
      const got = await martCells(
        `select race_group || '|' || outcome k, counts, people from mart_relief_by_layer
         where layer = '${layer}' and gender = 'all' and age_band = 'all'`,
      )
      expect(got, layer).toEqual(expected((c) => RACE[c.race_code!]!, det))
    }
  })

  it('population: adults of each group summed over the counties of the run', async () => {
    const csv = parse(readFileSync(join(REFERENCE_DIR, 'ca-county-population-2020.csv')), {
      columns: true,
    }) as Record<string, string>[]
    const inRun = csv.filter((r) => ['LOS ANGELES', 'ALPINE', 'YOLO'].includes(r.county!))
    const sum = (col: string) => inRun.reduce((a, r) => a + Number(r[col]), 0)
    const got = await db.rows<{
      population_group: string
      adults: number
      residents: number
      counties: number
    }>(`select population_group, adults, residents, counties from mart_relief_population order by ord`)
    expect(got[0]).toEqual({
      population_group: 'all',
      adults: sum('adult_total'),
      residents: sum('total'),
      counties: 3,
    })
    expect(got.find((g) => g.population_group === 'black_nh')!.adults).toBe(sum('adult_black_nh'))
    const county = await db.rows<{ counts_per_100k: number; counts: number; residents: number }>(
      `select counts_per_100k, counts, residents from mart_relief_by_county where county = 'YOLO' and outcome = 'relief'`,
    )
    expect(county[0]!.counts_per_100k).toBeCloseTo((county[0]!.counts * 100_000) / county[0]!.residents, 2)
  })

  it('data quality: counts in review by rule, and the conviction-date span', async () => {
    const review = FIXTURE.filter((c) => c.determination === 'review')
    const got = await db.rows<{ item: string; counts: number; people: number }>(
      `select item, counts, people from mart_data_quality where "check" = 'review' and item = 'all'`,
    )
    expect(got[0]).toEqual({
      item: 'all',
      counts: review.length,
      people: new Set(review.map((c) => c.subject_id)).size,
    })
    const span = await db.rows<{ first_date: string; last_date: string }>(
      `select first_date, last_date from mart_data_quality where "check" = 'date_range'`,
    )
    const years = FIXTURE.flatMap((c) => (c.conviction_year == null ? [] : [c.conviction_year]))
    expect(span[0]).toEqual({
      first_date: `${Math.min(...years)}-06-15`,
      last_date: `${Math.max(...years)}-06-15`,
    })
  })
})
