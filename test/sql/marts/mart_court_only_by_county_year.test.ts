import { describe, expect, it } from 'vitest'
import { runModel } from '../../helpers/model-fixture.ts'
import { ref_counties } from '../../../sql/seeds/reference_tables.ts'
import { mart_court_only_by_county_year } from '../../../sql/marts/mart_court_only_by_county_year.ts'

type Row = { county: string; conviction_year: string; outcome: string; counts: number; people: number }

const row = (
  subject_id: string,
  county: string | null,
  conviction_year: number | null,
  determination: string,
) => ({
  subject_id,
  county,
  conviction_year,
  determination,
})

async function mart(rows: ReturnType<typeof row>[]): Promise<Row[]> {
  const run = await runModel(
    mart_court_only_by_county_year,
    {
      court_only_determinations: {
        columns: {
          subject_id: 'varchar',
          county: 'varchar',
          conviction_year: 'bigint',
          determination: 'varchar',
        },
        rows,
      },
    },
    { seeds: [ref_counties] },
  )
  const out = await run.rows<Row>()
  run.close()
  return out
}

describe('mart_court_only_by_county_year', () => {
  it('cells by county x year x outcome, with all-rows, relief = dismiss + reduce, people counted once', async () => {
    const rows = await mart([
      row('A', 'FRESNO', 2001, 'dismiss'),
      row('A', 'FRESNO', 2001, 'reduce'),
      row('B', 'FRESNO', 2003, 'review'),
      row('C', 'ORANGE', null, 'not_eligible'),
    ])
    const cell = (c: string, y: string, o: string) =>
      rows.find((r) => r.county === c && r.conviction_year === y && r.outcome === o)
    expect(cell('FRESNO', '2001', 'relief')).toMatchObject({ counts: 2, people: 1 })
    expect(cell('FRESNO', '2001', 'all')).toMatchObject({ counts: 2, people: 1 })
    expect(cell('FRESNO', 'all', 'all')).toMatchObject({ counts: 3, people: 2 })
    expect(cell('ORANGE', 'unknown', 'not_eligible')).toMatchObject({ counts: 1, people: 1 })
    expect(cell('all', 'all', 'all')).toMatchObject({ counts: 4, people: 3 })
    expect(cell('all', '2001', 'dismiss')).toMatchObject({ counts: 1, people: 1 })
    // Only cells with at least one count: no zero rows.
    expect(cell('FRESNO', '2003', 'dismiss')).toBeUndefined()
    expect(rows.every((r) => r.counts > 0)).toBe(true)
    // Grain: county x year x outcome is unique; all rows first, outcomes in the fixed order.
    expect(new Set(rows.map((r) => `${r.county}|${r.conviction_year}|${r.outcome}`)).size).toBe(rows.length)
    expect(rows.slice(0, 4).map((r) => [r.county, r.conviction_year, r.outcome])).toEqual([
      ['all', 'all', 'dismiss'],
      ['all', 'all', 'reduce'],
      ['all', 'all', 'review'],
      ['all', 'all', 'not_eligible'],
    ])
  })

  it('a county that is not one of the 58 is published as Unknown county', async () => {
    const rows = await mart([row('A', 'ATLANTIS', 2001, 'dismiss'), row('B', null, 2001, 'dismiss')])
    expect([...new Set(rows.map((r) => r.county))]).toEqual(['all', 'Unknown county'])
    expect(
      rows.find((r) => r.county === 'Unknown county' && r.conviction_year === 'all' && r.outcome === 'all'),
    ).toMatchObject({ counts: 2, people: 2 })
  })
})
