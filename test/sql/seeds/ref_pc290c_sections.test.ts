/** ref_pc290c_sections: the offenses PC 290(c) requires registration for, as code-section patterns. */
import { describe, expect, it } from 'vitest'
import { runModel } from '../../helpers/model-fixture.ts'
import { ref_pc290c_sections } from '../../../sql/seeds/reference_tables.ts'

describe('ref_pc290c_sections', () => {
  it('one distinct PC pattern per row, each citing PC 290(c)', async () => {
    const run = await runModel(ref_pc290c_sections, {})
    const rows = await run.rows<Record<string, string>>()
    run.close()
    expect(rows.length).toBeGreaterThanOrEqual(30)
    expect(Object.keys(rows[0]!)).toEqual(['pattern', 'offense', 'clause', 'citation', 'note'])
    expect(new Set(rows.map((r) => r.pattern)).size).toBe(rows.length)
    for (const r of rows) {
      expect(r.pattern).toMatch(/^\^PC /)
      expect(r.citation).toContain('PC 290(c)')
    }
  })

  it('matches the listed subdivisions only, and a section not a longer one', async () => {
    const run = await runModel(ref_pc290c_sections, {})
    const matches = async (code: string) =>
      Number(
        await run.db.scalar(
          `select count(*) from ref_pc290c_sections where regexp_matches('${code}', pattern)`,
        ),
      )
    try {
      expect(await matches('PC 288(A)')).toBe(1)
      expect(await matches('PC 288')).toBe(1)
      expect(await matches('PC 2880')).toBe(0)
      expect(await matches('PC 207(B)')).toBe(1)
      // Kidnapping without the sexual purpose in the code is not matched: the intent is not in the data.
      expect(await matches('PC 207(A)')).toBe(0)
      expect(await matches('PC 314(1)')).toBe(1)
      expect(await matches('HS 11360(A)')).toBe(0)
    } finally {
      run.close()
    }
  })
})
