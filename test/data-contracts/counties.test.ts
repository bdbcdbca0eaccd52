import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'

const read = (f: string) =>
  parse(readFileSync(new URL(`../../data-contracts/reference/${f}`, import.meta.url)), {
    columns: true,
  }) as Record<string, string>[]

describe('county reference table', () => {
  const counties = read('counties.csv')
  it('lists the 58 counties with DOJ codes 01–58 in alphabetical order', () => {
    expect(counties).toHaveLength(58)
    expect(counties.map((c) => c.county_code)).toEqual(
      Array.from({ length: 58 }, (_, i) => String(i + 1).padStart(2, '0')),
    )
    expect([...counties.map((c) => c.county)].sort()).toEqual(counties.map((c) => c.county))
  })
  it('has FIPS = 06 + (2 × DOJ code − 1) for every county', () => {
    for (const c of counties)
      expect(c.fips).toBe(`06${String(2 * Number(c.county_code) - 1).padStart(3, '0')}`)
  })
  it('knows Los Angeles (19, 06037) and San Francisco (38, 06075)', () => {
    expect(counties.find((c) => c.county === 'LOS ANGELES')).toMatchObject({
      county_code: '19',
      fips: '06037',
    })
    expect(counties.find((c) => c.county === 'SAN FRANCISCO')).toMatchObject({
      county_code: '38',
      fips: '06075',
    })
  })
  it('maps every DOJ race code to a population group of the census table', () => {
    const groups = new Set(['hispanic', 'white_nh', 'black_nh', 'asian_nh', 'other_nh', 'unknown'])
    for (const r of read('race-codes.csv')) expect(groups.has(r.population_group!)).toBe(true)
    const pop = read('ca-county-population-2020.csv')
    expect(pop).toHaveLength(58)
    for (const p of pop)
      expect(Number(p.total)).toBe(
        ['hispanic', 'white_nh', 'black_nh', 'asian_nh', 'other_nh'].reduce((a, k) => a + Number(p[k]), 0),
      )
  })
})
