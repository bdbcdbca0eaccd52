/** ref_county_population: the 2020 Census population per county, total and adults, by race and ethnicity. */
import { describe, expect, it } from 'vitest'
import { runModel } from '../../helpers/model-fixture.ts'
import { ref_counties, ref_county_population } from '../../../sql/seeds/reference_tables.ts'

/** California, Census 2020 (PL 94-171): 39,538,223 residents. */
const CA_2020_TOTAL = 39_538_223

describe('ref_county_population', () => {
  it('one row per county of ref_counties, summing to the state 2020 total', async () => {
    const run = await runModel(ref_county_population, {}, { seeds: [ref_counties] })
    try {
      const [sums] = await run.db.rows<Record<string, string | number>>(`
        select count(*)::int as counties, sum(total::bigint)::bigint as total,
          count(*) filter (where c.county is null)::int as unmatched
        from ref_county_population p left join ref_counties c using (county_code, county, fips)`)
      expect(sums).toEqual({ counties: 58, total: String(CA_2020_TOTAL), unmatched: 0 })
      const la = await run.db.rows<Record<string, string>>(
        `select total, adult_total from ref_county_population where county = 'LOS ANGELES'`,
      )
      expect(Number(la[0]!.total)).toBeGreaterThan(10_000_000)
    } finally {
      run.close()
    }
  })

  it('the five groups add up to the total, the detail groups to other_nh, adults to no more than the total', async () => {
    const run = await runModel(ref_county_population, {})
    const rows = await run.rows<Record<string, string>>()
    run.close()
    const n = (r: Record<string, string>, ...cols: string[]) => cols.reduce((s, c) => s + Number(r[c]), 0)
    for (const r of rows) {
      expect(n(r, 'hispanic', 'white_nh', 'black_nh', 'asian_nh', 'other_nh')).toBe(n(r, 'total'))
      expect(n(r, 'aian_nh', 'nhpi_nh', 'some_other_race_nh', 'two_or_more_nh')).toBe(n(r, 'other_nh'))
      expect(
        n(r, 'adult_hispanic', 'adult_white_nh', 'adult_black_nh', 'adult_asian_nh', 'adult_other_nh'),
      ).toBe(n(r, 'adult_total'))
      expect(n(r, 'adult_total')).toBeLessThanOrEqual(n(r, 'total'))
    }
  })
})
