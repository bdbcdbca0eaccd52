/** ref_counties: the 58 California counties with their DOJ county codes and FIPS codes. */
import { describe, expect, it } from 'vitest'
import { runModel } from '../../helpers/model-fixture.ts'
import { ref_counties } from '../../../sql/seeds/reference_tables.ts'

describe('ref_counties', () => {
  it('58 counties, codes 01-58 in alphabetical order, FIPS 06001-06115 (odd numbers)', async () => {
    const run = await runModel(ref_counties, {})
    const rows = await run.rows<{ county_code: string; county: string; fips: string }>('county_code')
    run.close()
    expect(rows).toHaveLength(58)
    expect(Object.keys(rows[0]!)).toEqual(['county_code', 'county', 'fips'])
    rows.forEach((r, i) => {
      expect(r.county_code).toBe(String(i + 1).padStart(2, '0'))
      expect(r.fips).toBe(`06${String(2 * i + 1).padStart(3, '0')}`)
    })
    expect(rows.map((r) => r.county)).toEqual([...rows.map((r) => r.county)].sort())
    expect(rows[0]).toEqual({ county_code: '01', county: 'ALAMEDA', fips: '06001' })
    expect(rows.find((r) => r.county === 'LOS ANGELES')).toEqual({
      county_code: '19',
      county: 'LOS ANGELES',
      fips: '06037',
    })
    expect(rows.at(-1)).toEqual({ county_code: '58', county: 'YUBA', fips: '06115' })
    // Upper case, as the DOJ file writes county names.
    for (const r of rows) expect(r.county).toMatch(/^[A-Z][A-Z ]+$/)
  })
})
