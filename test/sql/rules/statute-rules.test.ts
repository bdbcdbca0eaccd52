import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { runPipeline } from '../../../pipelines/run/run-pipeline.ts'
import { writeExtract } from '../../helpers/doj-fixture.ts'
import { OUT_OF_SCOPE_ROWS, STATUTE_CASES } from './statute-cases.ts'
import { STATUTE_RULES } from '../../../sql/rules/statute/registry.ts'

type Row = Record<string, string>
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
let rows: Row[] = []
let out = ''

beforeAll(async () => {
  const file = writeExtract([...STATUTE_CASES.flatMap((c) => c.rows), ...OUT_OF_SCOPE_ROWS])
  out = mkdtempSync(join(tmpdir(), 'relief-statute-'))
  await runPipeline({ inputs: [file], out, asOf: '2026-01-01', quiet: true, determinationsOnly: true })
  rows = parse(readFileSync(join(out, 'count_determinations.csv')), { columns: true }) as Row[]
})
afterAll(() => {})

describe('statute layer: hand-made legal cases (as of 2026-01-01)', () => {
  it.each(STATUTE_CASES)('$title → $outcome by $ruleId [$authority]', (c) => {
    const hit = rows.filter((r) => r.subject_id === c.subject && r.cnt_order === c.cnt)
    expect(hit).toHaveLength(1)
    const r = hit[0]!
    expect(r.statute_determination).toBe(c.outcome)
    expect(r.statute_rule_id).toBe(c.ruleId)
    expect(r.determination).toBe(c.outcome)
    expect(r.layer).toBe('statute')
    const rule = STATUTE_RULES.find((x) => x.id === c.ruleId)!
    expect(r.citation).toBe(rule.citation)
    // A rule with a detail (the rejected lines it found) appends it to its fixed reason.
    if (rule.detail) expect(r.reason).toMatch(new RegExp(`^${escapeRe(rule.reason)} .+`))
    else expect(r.reason).toBe(rule.reason)
    if (c.remedy) expect(r.remedy).toBe(c.remedy)
    // Every reduction says what it asks for; nothing else does (issue 10 pt 6).
    if (c.outcome === 'reduce') {
      expect(['misdemeanor', 'infraction']).toContain(r.reduced_level)
      if (c.reducedLevel) expect(r.reduced_level).toBe(c.reducedLevel)
    } else expect(r.reduced_level).toBe('')
  })

  it('leaves out what HS 11361.8 does not reach: 11357.5, 11361, non-convictions, arrests, other offenses', () => {
    for (const s of ['800001', '800002', '800003', '800004', '800005', '800006', '800007'])
      expect(rows.filter((r) => r.subject_id === s)).toHaveLength(0)
  })

  it('gives every in-scope count exactly one row', () => {
    const keys = rows.map((r) => `${r.subject_id}/${r.cnt_order}`)
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('exercises every statute rule at least once', () => {
    const used = new Set(STATUTE_CASES.map((c) => c.ruleId))
    expect(STATUTE_RULES.map((r) => r.id).filter((id) => !used.has(id))).toEqual([])
  })

  it('never dismisses (as legally invalid) a count that could be a same-subdivision prior, so no prior is one the motion dismisses [issue 10 pt 5]', () => {
    // HS 11358(d)(2), 11359(c)(2), 11360(a)(3)(B) count priors of 11358, 11359 and 11360(a); the statute's
    // dismissals reach old 11357(b) and 11360(b) only. If a rule ever dismissed a countable prior, the prior
    // count would have to leave it out.
    const countable = /^HS (11358|11359|11360(\(A\)|$))/
    const dismissed = rows.filter((r) => r.statute_determination === 'dismiss')
    expect(dismissed.length).toBeGreaterThan(0)
    expect(dismissed.filter((r) => countable.test(r.code_section)).map((r) => r.code_section)).toEqual([])
  })

  it('formats the published columns as the contract says', () => {
    for (const r of rows) {
      // An unreadable conviction date stays blank; the row says why (P64-DATA-01).
      if (r.rule_id === 'P64-DATA-01') expect(r.conviction_date).toBe('')
      else expect(r.conviction_date).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      // Prop 64 sections, and PC 32 accessories tied to them (People v. Boatwright).
      expect(r.code_section).toMatch(/^(HS \d+(\.\d+)?(\([A-Z0-9]+\))*|PC 32)$/)
      expect(['felony', 'misdemeanor', 'infraction', '']).toContain(r.conviction_level)
      expect(['dismiss', 'reduce', 'not_eligible', 'review']).toContain(r.determination)
    }
  })
})
