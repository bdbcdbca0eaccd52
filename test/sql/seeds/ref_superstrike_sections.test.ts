/**
 * ref_superstrike_sections: the PC 667(e)(2)(C)(iv) offenses as code-section patterns, matched with
 * regexp_matches(code_section, pattern) by int_disqualifier_events.
 */
import { describe, expect, it } from 'vitest'
import { runModel } from '../../helpers/model-fixture.ts'
import { ref_superstrike_sections } from '../../../sql/seeds/reference_tables.ts'

describe('ref_superstrike_sections', () => {
  it('patterns every row cites to PC 667(e)(2)(C)(iv), with its clauses; all eight clauses are covered', async () => {
    const run = await runModel(ref_superstrike_sections, {})
    const rows = await run.rows<Record<string, string>>()
    run.close()
    expect(rows.length).toBeGreaterThanOrEqual(30)
    expect(Object.keys(rows[0]!)).toEqual(['pattern', 'offense', 'clause', 'citation', 'note'])
    expect(new Set(rows.map((r) => r.pattern)).size).toBe(rows.length)
    for (const r of rows) {
      expect(r.pattern).toMatch(/^\^(PC|MV) /) // Penal Code; Military and Veterans Code 1672(a)
      expect(r.citation).toContain('PC 667(e)(2)(C)(iv)')
      expect(r.clause).toMatch(/^\([IV]+\)(; \([IV]+\))*$/)
    }
    const clauses = new Set(rows.flatMap((r) => r.clause.split('; ')))
    expect([...clauses].sort()).toEqual(['(I)', '(II)', '(III)', '(IV)', '(V)', '(VI)', '(VII)', '(VIII)'])
  })

  it('matches murder and a forcible rape, not a longer section that starts with the same digits', async () => {
    const run = await runModel(ref_superstrike_sections, {})
    const matches = async (code: string) =>
      (
        await run.db.rows<{ clause: string }>(
          `select clause from ref_superstrike_sections where regexp_matches('${code}', pattern)`,
        )
      ).map((r) => r.clause)
    try {
      expect(await matches('PC 187')).toEqual(['(IV)'])
      expect(await matches('PC 187(A)')).toEqual(['(IV)'])
      expect(await matches('PC 1870')).toEqual([])
      expect(await matches('PC 261(A)(2)')).toEqual(['(I)'])
      expect(await matches('PC 261(A)(3)')).toEqual([])
      expect(await matches('PC 459')).toEqual([])
      expect(await matches('HS 11359')).toEqual([])
    } finally {
      run.close()
    }
  })
})
