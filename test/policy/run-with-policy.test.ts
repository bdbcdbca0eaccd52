import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHash } from 'node:crypto'
import { parse } from 'csv-parse/sync'
import { runPipeline } from '../../pipelines/run/run-pipeline.ts'
import { explainSubject } from '../../pipelines/run/explain.ts'
import { presetFile } from '../../pipelines/policy/presets.ts'
import { writeExtract } from '../helpers/doj-fixture.ts'
import { relief } from '../helpers/run-cli.ts'
import { c, sale, burglary, M } from './fixture-people.ts'

const dirs: string[] = []
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'relief-run-policy-'))
  dirs.push(d)
  return d
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))
let input = ''
beforeAll(() => {
  input = writeExtract([
    // 701: felony 11359 in 2010 and a 2024 burglary: statute reduce; LA: 50+ on the as-of date → dismiss.
    ...sale('701', '001002001000', '20100601', { dob: '19700101' }),
    ...c('701', '001002002000', '11364 HS-POSSESS PARAPHERNALIA', '20100601', { ...M, dob: '19700101' }),
    ...burglary('701', '20240601', '009002001000', { dob: '19700101' }),
    // 702: misdemeanor 11359: statute not_eligible.
    ...sale('702', '001001001000', '20100601', M),
  ])
})

const read = (out: string) =>
  parse(readFileSync(join(out, 'count_determinations.csv')), { columns: true }) as Record<string, string>[]

describe('relief run --policy', () => {
  it('takes a preset: policy rows in count_determinations.csv, the preset and its sha256 in the manifest', async () => {
    const out = tmp()
    const r = await runPipeline({
      inputs: [input],
      out,
      asOf: '2026-01-01',
      policy: ['los-angeles-2020'],
      quiet: true,
      determinationsOnly: true,
    })
    const rows = read(out)
    expect(rows.find((x) => x.subject_id === '701')).toMatchObject({
      statute_determination: 'reduce',
      determination: 'dismiss',
      layer: 'policy',
      rule_id: 'DA-DISMISS-AGE',
      statute_rule_id: 'P64-FEL-REDUCE',
      policy: 'los-angeles-2020',
    })
    expect(r.manifest.options).toMatchObject({
      policy: 'los-angeles-2020',
      policy_file: 'data-contracts/policies/los-angeles-2020.yaml',
      policy_sha256: createHash('sha256')
        .update(readFileSync(presetFile('los-angeles-2020')!))
        .digest('hex'),
    })
    expect(r.manifest.counts.by_determination).toEqual({ dismiss: 1, not_eligible: 1 })
    expect(r.manifest.counts.by_statute_determination).toEqual({ not_eligible: 1, reduce: 1 })
  })

  it('takes a file, and adds related-charge rows with their own rule id', async () => {
    const dir = tmp()
    const file = join(dir, 'related.json')
    writeFileSync(
      file,
      JSON.stringify({ name: 'related', felony: { 'HS 11359': 'reduce' }, related_charges: ['HS 11364'] }),
    )
    const out = join(dir, 'out')
    const r = await runPipeline({
      inputs: [input],
      out,
      asOf: '2026-01-01',
      policy: [file],
      quiet: true,
      determinationsOnly: true,
    })
    const rows = read(out)
    expect(rows.map((x) => [x.subject_id, x.cnt_order, x.determination, x.layer, x.rule_id])).toEqual([
      ['701', '001002001000', 'reduce', 'statute', 'P64-FEL-REDUCE'],
      ['701', '001002002000', 'dismiss', 'policy', 'DA-RELATED-DISMISS'],
      ['702', '001001001000', 'not_eligible', 'statute', 'P64-11359-MISD'],
    ])
    expect(rows[1]).toMatchObject({ statute_determination: 'not_eligible', statute_rule_id: 'P64-SCOPE-01' })
    expect(r.manifest.options.policy_file).toBe(file)
  })

  it('refuses an unknown preset as one line with exit code 2', () => {
    const bad = relief(['run', '--input', input, '--out', tmp(), '--policy', 'los-angeles'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/^relief: --policy los-angeles: not a preset \(expected one of: .*\)/)
    expect(bad.stderr.trim().split('\n')).toHaveLength(1)
  })

  it('refuses two policies in one run', async () => {
    await expect(
      runPipeline({ inputs: [input], out: tmp(), policy: ['statute', 'dismiss-all'], quiet: true }),
    ).rejects.toThrow(/use `relief compare` for several/)
  })
})

describe('relief explain shows both layers', () => {
  it('statute trail, the policy rule that asked, and the final row', async () => {
    const out = tmp()
    await runPipeline({
      inputs: [input],
      out,
      asOf: '2026-01-01',
      policy: ['los-angeles-2020'],
      quiet: true,
      determinationsOnly: true,
    })
    const text = await explainSubject(out, '701')
    expect(text).toContain('policy los-angeles-2020')
    expect(text).toContain('statute layer: REDUCE by P64-FEL-REDUCE')
    expect(text).toContain(
      'policy layer (los-angeles-2020): asks for DISMISS by DA-DISMISS-AGE; changes the statute outcome reduce to dismiss',
    )
    expect(text).toContain('final: DISMISS (policy layer, DA-DISMISS-AGE; DA policy los-angeles-2020: ')
    const misd = await explainSubject(out, '702')
    expect(misd).toContain(
      'policy layer (los-angeles-2020): no policy rule holds; the statute outcome stands',
    )
    expect(misd).toContain('final: NOT_ELIGIBLE (statute layer, P64-11359-MISD')
  })
})
