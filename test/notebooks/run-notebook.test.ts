import { beforeAll, describe, expect, it } from 'vitest'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs, runNotebook } from '../../notebooks/run-notebook.ts'
import { UserError } from '../../pipelines/lib/user-error.ts'
import { conviction, writeExtract } from '../helpers/doj-fixture.ts'

/** 120 people, three race codes, two counties, old 11359 felonies and 11357(B) misdemeanors. */
let input = ''
beforeAll(() => {
  input = writeExtract(
    Array.from({ length: 120 }, (_, i) =>
      conviction({
        subject: String(610000 + i),
        cnt: '001001001000',
        offense: i % 4 ? '11359 HS-POSS MARIJUANA FOR SALE' : '11357(B) HS-POSS MARIJUANA',
        level: i % 4 ? 'FELONY' : 'MISDEMEANOR',
        convicted: `${1980 + (i % 30)}0301`,
        county: i % 2 ? 'LOS ANGELES' : 'SAN DIEGO',
        race: ['W', 'B', 'H'][i % 3]!,
        dob: `${1940 + (i % 35)}0101`,
        name: `SECRET,NAME${i}`,
      }),
    ).flat(),
  )
})

describe('npm run notebook -- <name>', () => {
  it('parses the name and --key value options', () => {
    expect(parseArgs(['disparity-audit', '--input', 'a.csv', '--policy=dismiss-all'])).toEqual({
      name: 'disparity-audit',
      flags: { input: 'a.csv', policy: 'dismiss-all' },
    })
    expect(() => parseArgs(['x', '--out'])).toThrow(UserError)
  })

  it('names the notebooks when the name is unknown', async () => {
    await expect(runNotebook(['nope'])).rejects.toThrow(/scenario-comparison, disparity-audit/)
  })

  it('disparity-audit writes a readable document with charts, and no personal data', async () => {
    const out = mkdtempSync(join(tmpdir(), 'relief-nb-'))
    const r = await runNotebook(
      ['disparity-audit', '--input', input, '--out', out, '--policy', 'dismiss-all'],
      () => {},
    )
    expect(r.files).toContain('index.html')
    for (const f of [
      'README.md',
      'shares-statute.png',
      'ratios-statute.svg',
      'ratios-policy.vl.json',
      'statute-vs-policy.png',
    ])
      expect(existsSync(join(out, f)), f).toBe(true)
    const md = readFileSync(join(out, 'README.md'), 'utf8')
    expect(md).toMatch(/^# Disparity audit/)
    expect(md).toContain('**Question.**')
    expect(md).toContain('![')
    expect(md).toContain('dismiss-all')
    const html = readFileSync(join(out, 'index.html'), 'utf8')
    expect(html).not.toMatch(/SECRET|NAME1\b|610001/)
    expect(html).toContain('<svg')
  })

  it('scenario-comparison sets presets side by side', async () => {
    const out = mkdtempSync(join(tmpdir(), 'relief-nb-'))
    await runNotebook(
      ['scenario-comparison', '--input', input, '--out', out, '--presets', 'statute,dismiss-all'],
      () => {},
    )
    const md = readFileSync(join(out, 'README.md'), 'utf8')
    expect(md).toMatch(/^# What if every county followed each preset\?/)
    expect(md).toMatch(/\| statute \| .* \|\n\| dismiss-all \|/)
    expect(existsSync(join(out, 'scenario-totals.png'))).toBe(true)
    expect(readFileSync(join(out, 'index.html'), 'utf8')).not.toMatch(/SECRET/)
  })
})
