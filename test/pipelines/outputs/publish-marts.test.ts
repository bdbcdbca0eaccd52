import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { tableFromIPC } from 'apache-arrow'
import { publishMarts } from '../../../pipelines/outputs/publish-marts.ts'
import { rowsOf } from '../../../reports/charts/rows.ts'
import { martDb, type CountFixture } from '../../reports/report/mart-db.ts'

const DETERMINATIONS = ['dismiss', 'reduce', 'review', 'not_eligible']

/** Random people: race and gender belong to the person, each count has its own county, year, section, age. */
const personArb = fc.record({
  race: fc.constantFrom('W', 'B', 'H', 'A', 'X', 'O'),
  gender: fc.constantFrom('M', 'M', 'F', null),
  counts: fc.array(
    fc.record({
      county: fc.constantFrom('LOS ANGELES', 'ALPINE', 'YOLO', 'SAN DIEGO', 'NARNIA'),
      year: fc.option(fc.integer({ min: 1975, max: 2020 }), { freq: 10 }),
      section: fc.constantFrom('HS 11357', 'HS 11358', 'HS 11359', 'HS 11360(A)'),
      level: fc.constantFrom('felony', 'misdemeanor', null),
      age: fc.option(fc.integer({ min: 15, max: 70 }), { freq: 10 }),
      statute: fc.constantFrom(...DETERMINATIONS),
      policyDismiss: fc.boolean(),
    }),
    { minLength: 1, maxLength: 3 },
  ),
})

type Person = typeof personArb extends fc.Arbitrary<infer T> ? T : never

function fixtureOf(people: Person[]): CountFixture[] {
  return people.flatMap((p, i) =>
    p.counts.map((c) => ({
      subject_id: String(1000 + i),
      county: c.county,
      conviction_year: c.year,
      code_section: c.section,
      conviction_level: c.level,
      race_code: p.race,
      gender: p.gender,
      age_at_conviction: c.age,
      statute_determination: c.statute,
      determination: c.policyDismiss && c.statute === 'reduce' ? 'dismiss' : c.statute,
    })),
  )
}

type Row = Record<string, string>
const readCsv = (path: string) => parse(readFileSync(path), { columns: true }) as Row[]

/** A published row a reader cannot take at its exact value: withheld, or rounded to the nearest 10. */
const uncertain = (r: Row | undefined) => r?.suppressed === 'true' || r?.rounded === 'true'

/** Within one group of rows that differ only in `outcome`: never exactly one withheld part of a published total. */
function checkOutcomes(rows: Row[]) {
  const at = (o: string) => rows.find((r) => r.outcome === o)
  const hidden = (o: string) => uncertain(at(o))
  for (const [total, parts] of [
    ['all', DETERMINATIONS],
    ['relief', ['dismiss', 'reduce']],
  ] as const) {
    if (!at(total) || hidden(total)) continue
    expect(parts.filter(hidden).length, `${JSON.stringify(rows[0])} ${total}`).not.toBe(1)
  }
}

/** Along one dimension: the values other than 'all' add up to the 'all' row, per outcome. */
function checkDimension(rows: Row[], dim: string) {
  for (const o of [...DETERMINATIONS, 'relief', 'all']) {
    const total = rows.find((r) => r[dim] === 'all' && r.outcome === o)
    if (!total || uncertain(total)) continue
    const parts = rows.filter((r) => r[dim] !== 'all' && r.outcome === o && Number(r.counts || 1) !== 0)
    expect(parts.filter(uncertain).length, `${dim} ${o}`).not.toBe(1)
  }
}

describe('public marts: suppression over random fixtures (property)', () => {
  it('no public cell describes 1 to min−1 people, withheld cells are empty in CSV and Arrow, no cell is one subtraction away', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(personArb, { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 2, max: 15 }),
        async (people, minCell) => {
          const db = await martDb(fixtureOf(people), { policy: 'fixture-policy' })
          try {
            const dir = mkdtempSync(join(tmpdir(), 'relief-marts-'))
            await publishMarts(db, minCell, dir)
            for (const f of readdirSync(dir).filter((f) => f.endsWith('.csv'))) {
              const rows = readCsv(join(dir, f))
              const arrow = rowsOf<Record<string, unknown>>(
                tableFromIPC(readFileSync(join(dir, f.replace('.csv', '.arrow')))),
              )
              expect(arrow.length).toBe(rows.length)
              rows.forEach((r, i) => {
                for (const k of Object.keys(r)) {
                  const a = arrow[i]![k]
                  if (typeof a === 'number') expect(a, `${f} ${k}`).toBe(Number(r[k]))
                  else expect(String(a ?? ''), `${f} ${k}`).toBe(r[k])
                }
                if (f === 'mart_relief_population.csv' || r.check === 'rejected') return
                if (r.suppressed === 'true') {
                  expect([r.counts, r.people]).toEqual(['', ''])
                } else {
                  if (r.rounded === 'true')
                    expect(Number(r.counts) % 10, `${f}: ${JSON.stringify(r)}`).toBe(0)
                  const n = Number(r.people)
                  expect(n === 0 || n >= minCell, `${f}: ${JSON.stringify(r)}`).toBe(true)
                }
              })
            }
            const county = readCsv(join(dir, 'mart_relief_by_county.csv'))
            for (const c of new Set(county.map((r) => r.county)))
              checkOutcomes(county.filter((r) => r.county === c))
            checkDimension(county, 'county')
            const demo = readCsv(join(dir, 'mart_relief_by_demographics.csv'))
            for (const dim of ['race_group', 'gender', 'age_band']) {
              const others = ['race_group', 'gender', 'age_band'].filter((d) => d !== dim)
              const margin = demo.filter((r) => others.every((d) => r[d] === 'all'))
              checkDimension(margin, dim)
              for (const g of new Set(margin.map((r) => r[dim])))
                checkOutcomes(margin.filter((r) => r[dim] === g))
            }
            const year = readCsv(join(dir, 'mart_relief_by_year.csv'))
            checkDimension(year, 'conviction_year')
          } finally {
            db.close()
          }
        },
      ),
      { numRuns: 10, endOnFailure: true },
    )
  })
})
