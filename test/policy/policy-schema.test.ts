import { describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { resolvePolicy } from '../../pipelines/policy/resolve-policy.ts'
import { presetNames, presetFile } from '../../pipelines/policy/presets.ts'
import { POLICY_JSON_SCHEMA_PATH, policyJsonSchema } from '../../pipelines/policy/write-policy-schema.ts'
import { UserError } from '../../pipelines/lib/user-error.ts'
import { policyRules } from '../../sql/rules/policy/registry.ts'

const PRESETS = [
  'statute',
  'dismiss-all',
  'los-angeles-2020',
  'san-francisco-2019',
  'sacramento-2019',
  'san-joaquin-2019',
  'contra-costa-2020',
]

function file(text: string, name = 'my-policy.yaml'): string {
  const p = join(mkdtempSync(join(tmpdir(), 'relief-policy-schema-')), name)
  writeFileSync(p, text)
  return p
}

function errorOf(arg: string): string {
  try {
    resolvePolicy(arg)
  } catch (e) {
    expect(e).toBeInstanceOf(UserError)
    return (e as Error).message
  }
  throw new Error(`${arg} was accepted`)
}

describe('policy files: schema errors name the file, the key path and what was expected', () => {
  it('an unknown top-level key', () => {
    const p = file('name: x\ndismiss_whenn:\n  deceased: true\n')
    const m = errorOf(p)
    expect(m).toContain(p)
    expect(m).toContain('key dismiss_whenn is not allowed')
    expect(m).toContain('expected one of: name, extends,')
  })

  it('an unknown nested key', () => {
    const m = errorOf(file('name: x\ndismiss_when:\n  age_over: 50\n'))
    expect(m).toContain(
      'key dismiss_when.age_over is not allowed (expected one of: under_21_at_conviction, age_at_least,',
    )
  })

  it('an unknown felony section', () => {
    expect(errorOf(file('name: x\nfelony:\n  HS 11361: dismiss\n'))).toContain(
      'key felony.HS 11361 is not allowed (expected one of: HS 11357, HS 11358, HS 11359, HS 11360)',
    )
  })

  it('a bad choice', () => {
    expect(errorOf(file('name: x\nmisdemeanor: expunge\n'))).toContain(
      'key misdemeanor: expected one of dismiss, reduce, statute',
    )
    expect(errorOf(file('name: x\nfelony:\n  HS 11359: seal\n'))).toContain(
      'key felony.HS 11359: expected one of dismiss, reduce, statute',
    )
  })

  it('a bad type or range', () => {
    expect(errorOf(file('name: x\ndismiss_when:\n  age_at_least: fifty\n'))).toMatch(
      /key dismiss_when\.age_at_least: expected a whole number/,
    )
    expect(errorOf(file('name: x\ndismiss_when:\n  crime_free_years_at_least: 0\n'))).toMatch(
      /key dismiss_when\.crime_free_years_at_least: .*>=1/,
    )
    expect(errorOf(file('name: x\nexclude_when:\n  pc290: yes please\n'))).toContain(
      'key exclude_when.pc290: expected true or false',
    )
  })

  it('a bad related charge, and a Prop 64 section listed as related', () => {
    expect(errorOf(file('name: x\nrelated_charges: [PC148]\n'))).toContain(
      'key related_charges[0]: expected a code section such as "HS 11364" or "PC 647(F)"',
    )
    expect(errorOf(file('name: x\nrelated_charges:\n  - section: BP 4060\n    outcome: maybe\n'))).toContain(
      'key related_charges[0].outcome: expected one of dismiss, review',
    )
    expect(errorOf(file('name: x\nrelated_charges: [HS 11359]\n'))).toContain(
      'key related_charges[0]: a Prop 64 section is decided by the policy layer itself',
    )
  })

  it('a missing or malformed name', () => {
    expect(errorOf(file('felony:\n  HS 11359: dismiss\n'))).toContain(
      'key name: expected string, received undefined',
    )
    expect(errorOf(file('name: Los Angeles\n'))).toContain(
      'key name: expected lower-case letters, digits and dashes',
    )
  })

  it('an unknown preset, as --policy and as extends', () => {
    expect(errorOf('los-angeles')).toMatch(
      /^--policy los-angeles: not a preset \(expected one of: contra-costa-2020, dismiss-all, los-angeles-2020,/,
    )
    const p = file('name: x\nextends: fresno-2021\n')
    expect(errorOf(p)).toBe(
      `policy file ${p}: key extends: unknown preset "fresno-2021" (expected one of: ${presetNames().join(', ')})`,
    )
  })

  it('text that is not YAML or JSON', () => {
    expect(errorOf(file('name: [x\n'))).toMatch(/not valid YAML/)
    expect(errorOf(file('{"name": ', 'p.json'))).toMatch(/p\.json: not valid JSON/)
  })
})

describe('policy files: resolving', () => {
  it('reads JSON as well as YAML', () => {
    const p = resolvePolicy(file(JSON.stringify({ name: 'j', misdemeanor: 'dismiss' }), 'j.json'))
    expect(p).toMatchObject({ name: 'j', misdemeanor: 'dismiss', preset: false, chain: ['j'] })
    expect(p.sha256).toMatch(/^[0-9a-f]{64}$/)
  })

  it('extends a preset: its own keys win, statute / null / false turn inherited choices off', () => {
    const p = resolvePolicy(
      file(
        [
          'name: la-variant',
          'extends: los-angeles-2020',
          'felony:',
          '  HS 11357: statute',
          '  HS 11359: reduce',
          'dismiss_when:',
          '  age_at_least: 60',
          '  crime_free_years_at_least: null',
          '  deceased: false',
        ].join('\n'),
      ),
    )
    expect(p.chain).toEqual(['la-variant', 'los-angeles-2020'])
    expect(p.felony).toEqual({ 'HS 11359': 'reduce' })
    expect(p.dismiss_when).toMatchObject({
      age_at_least: 60,
      crime_free_years_at_least: null,
      deceased: false,
      under_21_at_conviction: true,
      only_prop64_sentences_completed: true,
    })
    expect(p.exclude_when).toEqual({ superstrike_prior: true, pc290: true, two_priors: true })
    expect(p.misdemeanor).toBe('statute')
    // Inherited citation and sources travel with the inherited keys.
    expect(p.citation).toContain('Los Angeles County DA')
    expect(p.sources['exclude_when.pc290']).toContain('step 5')
  })

  it('the JSON Schema file is generated from the zod contract (regenerate with write-policy-schema.ts)', () => {
    expect(JSON.parse(readFileSync(POLICY_JSON_SCHEMA_PATH, 'utf8'))).toEqual(JSON.parse(policyJsonSchema()))
  })
})

describe('presets', () => {
  it('are exactly the issue’s seven, each a file named after it', () => {
    expect(presetNames()).toEqual([...PRESETS].sort())
    for (const n of PRESETS) expect(resolvePolicy(n)).toMatchObject({ name: n, preset: true })
  })

  it('give the public source of every choice they make', () => {
    for (const n of PRESETS) {
      const raw = parse(readFileSync(presetFile(n)!, 'utf8')) as Record<string, Record<string, unknown>>
      const resolved = resolvePolicy(n)
      expect(resolved.citation.length).toBeGreaterThan(20)
      const choices = [
        ...Object.keys(raw.felony ?? {}).map((s) => [`felony.${s}`, 'felony']),
        ...(raw.misdemeanor ? [['misdemeanor']] : []),
        ...Object.keys(raw.dismiss_when ?? {}).map((k) => [`dismiss_when.${k}`]),
        ...Object.keys(raw.exclude_when ?? {}).map((k) => [`exclude_when.${k}`]),
        ...(raw.related_charges ? [['related_charges']] : []),
        ...(raw.extends ? [['extends']] : []),
      ]
      for (const keys of choices)
        expect(
          keys.some((k) => resolved.sources[k]),
          `${n}: no source for ${keys[0]}`,
        ).toBe(true)
    }
  })

  it('statute turns on no policy rule; the others do', () => {
    expect(policyRules(resolvePolicy('statute'))).toEqual([])
    for (const n of PRESETS.filter((p) => p !== 'statute'))
      expect(policyRules(resolvePolicy(n)).length).toBeGreaterThan(0)
  })

  it('cite the policy source on every rule they turn on', () => {
    for (const n of PRESETS)
      for (const r of policyRules(resolvePolicy(n))) {
        expect(r.layer).toBe('policy')
        expect(r.id).toMatch(/^DA-/)
        expect(r.citation).toMatch(new RegExp(`^DA policy ${n}: .{20,}`))
      }
  })
})
