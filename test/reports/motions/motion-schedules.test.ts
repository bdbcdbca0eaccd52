import { beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { runPipeline } from '../../../pipelines/run/run-pipeline.ts'
import { conviction, writeExtract, type ConvictionSpec } from '../../helpers/doj-fixture.ts'
import { HAS_PDFTOTEXT, pdfPages } from './pdf-tools.ts'

/**
 * Issue 10 points 6-7, by hand (as of 2026-01-01, all in CASC STOCKTON):
 * | person | counts                                             | statute                | policy "beyond"       |
 * |--------|----------------------------------------------------|------------------------|-----------------------|
 * | 801    | 11359 felony 2008, age 38                          | B, to a misdemeanor    | B (policy silent)     |
 * | 802    | 11357(B) misdemeanor 2009, age 19                  | B, to an infraction    | B                     |
 * | 803    | 11358 felony 2010 + HS 11364 misd, same arrest     | B (11364 out of scope) | D: both, PC 1385      |
 * | 804    | 11358 felony 2015, probation to 2030               | C, resentence as misd. | D, sentence running   |
 * The policy dismisses felony HS 11358 (beyond the statute's reduction) and HS 11364 as a related charge:
 * that is PC 1385 relief, so it must leave schedules A-C for schedule D.
 */
const AS_OF = '2026-01-01'
const at = { county: 'SAN JOAQUIN', court: 'CASC STOCKTON' }
const fel = { level: 'FELONY' as const, toc: 'F' as const }
const misd = { level: 'MISDEMEANOR' as const, toc: 'M' as const }
const spec = (s: ConvictionSpec) => conviction({ ...at, ...s })
const ROWS = [
  ...spec({
    subject: '801',
    cnt: '001001001000',
    offense: '11359 HS-POSS MARIJUANA FOR SALE',
    convicted: '20080301',
    dob: '19700101',
    caseNumber: 'K-801',
    ...fel,
  }),
  ...spec({
    subject: '802',
    cnt: '001001001000',
    offense: '11357(B) HS-POSSESS MARIJUANA',
    convicted: '20090301',
    dob: '19900101',
    caseNumber: 'K-802',
    ...misd,
  }),
  ...spec({
    subject: '803',
    cnt: '001001001000',
    offense: '11358 HS-CULTIVATE MARIJUANA',
    convicted: '20100301',
    dob: '19700101',
    caseNumber: 'K-803',
    ...fel,
  }),
  ...spec({
    subject: '803',
    cnt: '001001002000',
    offense: '11364 HS-POSSESS PARAPHERNALIA',
    convicted: '20100301',
    dob: '19700101',
    caseNumber: 'K-803',
    ...misd,
  }),
  ...spec({
    subject: '804',
    cnt: '001001001000',
    offense: '11358 HS-CULTIVATE MARIJUANA',
    convicted: '20150601',
    offenseDate: '20150101',
    dob: '19700101',
    caseNumber: 'K-804',
    ...fel,
    sentence: [{ kind: 'PROBATION', length: '15', unit: 'Y' }],
  }),
]

type Row = Record<string, string>
const runs: Record<'statute' | 'policy', { rows: Row[]; pdf: string }> = {} as never
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'relief-schedules-'))
  const input = writeExtract(ROWS, { dir })
  const policy = join(dir, 'beyond.json')
  writeFileSync(
    policy,
    JSON.stringify({ name: 'beyond', felony: { 'HS 11358': 'dismiss' }, related_charges: ['HS 11364'] }),
  )
  for (const [name, policies] of [
    ['statute', undefined],
    ['policy', [policy]],
  ] as const) {
    const out = join(dir, name)
    await runPipeline({ inputs: [input], out, asOf: AS_OF, quiet: true, policy: policies && [...policies] })
    const base = join(out, 'restricted', 'motions', 'san-joaquin', 'casc-stockton')
    runs[name] = { rows: parse(readFileSync(`${base}.csv`), { columns: true }) as Row[], pdf: `${base}.pdf` }
  }
})

const pick = (r: Row) => [r.subject_id, r.schedule, r.relief_label, r.reduced_level, r.layer, r.is_related]

describe('motion schedules say what a row asks for and under which law', () => {
  it('statute: each reduction names its level, in B or C', () => {
    expect(runs.statute.rows.map(pick)).toEqual([
      ['801', 'B', 'Redesignate as a misdemeanor', 'misdemeanor', 'statute', 'false'],
      ['802', 'B', 'Redesignate as an infraction', 'infraction', 'statute', 'false'],
      ['803', 'B', 'Redesignate as a misdemeanor', 'misdemeanor', 'statute', 'false'],
      ['804', 'C', 'Recall; resentence as a misdemeanor', 'misdemeanor', 'statute', 'false'],
    ])
  })

  it('policy: dismissals beyond HS 11361.8 and related charges leave A-C for D (PC 1385)', () => {
    const rows = runs.policy.rows
    expect(rows.map(pick)).toEqual([
      ['801', 'B', 'Redesignate as a misdemeanor', 'misdemeanor', 'statute', 'false'],
      ['802', 'B', 'Redesignate as an infraction', 'infraction', 'statute', 'false'],
      ['803', 'D', 'Dismiss (sentence ended)', '', 'policy', 'false'],
      ['803', 'D', 'Dismiss (sentence ended)', '', 'policy', 'true'],
      ['804', 'D', 'Dismiss (sentence running)', '', 'policy', 'false'],
    ])
    expect(rows.find((r) => r.is_related === 'true')).toMatchObject({
      code_sections: 'HS 11364',
      rule_ids: 'DA-RELATED-DISMISS',
    })
    for (const r of rows.filter((x) => x.schedule === 'D')) expect(r.reason).toContain('PC 1385')
  })

  it.skipIf(!HAS_PDFTOTEXT)("print the authority, the Chavez limit and every row's reason in the PDF", () => {
    for (const run of [runs.statute, runs.policy]) {
      const all = pdfPages(run.pdf).join('\n')
      for (const r of run.rows) {
        const words = r.relief_label.split(' ')
        const line = all.split('\n').find((l) => l.includes(r.case_number) && l.includes(words[0]!))
        expect(line, r.case_number).toBeDefined()
      }
      // One "Reason:" line per row, and the level on the page (the label may wrap in its cell).
      expect(all.match(/^\s+Reason: /gm)).toHaveLength(run.rows.length)
      const flat = all.replace(/\s+/g, ' ')
      expect(flat).toContain('with no prior super-strike')
    }
    const policy = pdfPages(runs.policy.pdf).join('\n')
    // The table heading (the cover's list of schedules goes on with ", n case(s)").
    const heading = /^Schedule D: Dismiss in the interest of justice \(DA policy\) \(PC 1385\)\s*$/m
    expect(policy).toMatch(heading)
    expect(policy.replace(/\s+/g, ' ')).toContain(
      'Section 1385 is not available once probation has ended (People v. Chavez (2018) 4 Cal.5th 771)',
    )
    const statute = pdfPages(runs.statute.pdf).join('\n')
    expect(statute).not.toMatch(heading)
    expect(statute).toMatch(/Redesignate as an\s/)
  })
})
