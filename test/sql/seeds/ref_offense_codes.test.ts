/**
 * ref_offense_codes: the CJIS cannabis offense codes with the dates their subsection meaning was in force.
 * int_prop64_counts reads valid_from >= 2016-11-09 as "charged under Prop 64" and valid_to < 2016-11-09 as
 * "charged under the old law", so those dates must be exactly the day Prop 64 took effect and the day before.
 */
import { describe, expect, it } from 'vitest'
import { runModel } from '../../helpers/model-fixture.ts'
import { ref_offense_codes } from '../../../sql/seeds/reference_tables.ts'

type Code = {
  cjis_code: string
  statute: string
  level: string
  valid_from: string | null
  valid_to: string | null
}

describe('ref_offense_codes', () => {
  it('one row per CJIS code, with known codes dated on either side of Prop 64', async () => {
    const run = await runModel(ref_offense_codes, {})
    const rows = await run.rows<Code & Record<string, string | null>>('cjis_code')
    run.close()
    expect(Object.keys(rows[0]!)).toEqual([
      'cjis_code',
      'statute',
      'level',
      'literal',
      'valid_from',
      'valid_to',
      'note',
    ])
    expect(new Set(rows.map((r) => r.cjis_code)).size).toBe(rows.length)
    const code = (c: string) => rows.find((r) => r.cjis_code === c)
    // Old-law possession for sale: in force until the day before Prop 64.
    expect(code('35127')).toMatchObject({
      statute: 'HS 11359',
      level: 'F',
      valid_from: '1977-07-01',
      valid_to: '2016-11-08',
    })
    // Prop 64's own misdemeanor possession for sale, from the day it took effect.
    expect(code('35451')).toMatchObject({
      statute: 'HS 11359(B)',
      level: 'M',
      valid_from: '2016-11-09',
      valid_to: null,
    })
    // An undated older code carries no dates at all.
    expect(code('35209')).toMatchObject({ statute: 'HS 11357', valid_from: null, valid_to: null })
    for (const r of rows) {
      expect(r.level).toMatch(/^[FMI]$/)
      expect(r.statute).toMatch(/^HS \d/)
      for (const d of [r.valid_from, r.valid_to]) if (d !== null) expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      if (r.valid_from !== null && r.valid_to !== null) expect(r.valid_from < r.valid_to).toBe(true)
    }
    // Every Prop 64 section's dated codes change meaning exactly on 2016-11-09.
    const p64 = rows.filter(
      (r) => /^HS 113(57|58|59|60)\b/.test(r.statute) && !r.statute.startsWith('HS 11357.5'),
    )
    for (const r of p64) {
      if (r.valid_to !== null) expect(r.valid_to).toBe('2016-11-08')
      if (r.valid_from !== null && r.valid_from >= '2016-11-09') expect(r.valid_from).toBe('2016-11-09')
    }
  })
})
