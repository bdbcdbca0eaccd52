/**
 * Every model has its own test file, named after it, mirroring its source path (sql/marts/x.ts ->
 * test/sql/marts/x.test.ts); and every template model compiles to plain SQL (a string spliced into a template
 * without raw() would become a bind parameter, i.e. a quoted value where SQL was meant).
 */
import { describe, expect, it } from 'vitest'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { MODELS } from '../../sql/models.ts'
import { courtModels } from '../../sql/court-models.ts'
import { qb } from '../../sql/kysely.ts'
import { fixtureContext } from '../helpers/model-fixture.ts'
import { resolvePolicy } from '../../pipelines/policy/resolve-policy.ts'

const ROOT = join(import.meta.dirname, '../..')

/**
 * Models without their test file yet: none. An entry would be a debt, removed with its test; the contract test
 * fails when a listed model gets its file (so the list only shrinks).
 */
const EXPECTED_MISSING = new Set<string>([])

/** The file under sql/ that defines the model (`export const <name>`; several seeds share one file). */
function sourceFile(name: string): string {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
    )
  const defines = new RegExp(`export const ${name}\\b|name: '${name}'`)
  const files = walk(join(ROOT, 'sql'))
  return (
    files.find((f) => f.endsWith(`/${name}.ts`)) ??
    files.find((f) => defines.test(readFileSync(f, 'utf8'))) ??
    ''
  )
}

const testFileOf = (name: string): string => {
  const src = sourceFile(name)
  const dir = src ? relative(join(ROOT, 'sql'), join(src, '..')) : '?'
  return join('test/sql', dir, `${name}.test.ts`)
}

describe('one test file per model', () => {
  it('every model of sql/models.ts has test/sql/<folder>/<model>.test.ts, or is listed as expected-missing', () => {
    const missing = MODELS.map((m) => m.name).filter((n) => !existsSync(join(ROOT, testFileOf(n))))
    expect(missing.filter((n) => !EXPECTED_MISSING.has(n))).toEqual([])
    // A listed model that has its test now must leave the list.
    expect([...EXPECTED_MISSING].filter((n) => !missing.includes(n))).toEqual([])
  })
})

describe('model templates', () => {
  const court = courtModels({
    raw: "select * from read_csv('x')",
    lines: 'select 1 from raw_court_index_rows',
  })
  for (const policyName of ['statute', 'san-joaquin-2019']) {
    it(`compile without bind parameters (${policyName} policy)`, () => {
      const ctx = fixtureContext({ policy: resolvePolicy(policyName) })
      const withParams = [...MODELS, ...court].filter((m) => {
        const body = m.sql(ctx)
        return typeof body !== 'string' && body.compile(qb).parameters.length > 0
      })
      expect(withParams.map((m) => m.name)).toEqual([])
    })
  }

  it('every model past the seeds and sources is a template (its ref()s are its dependency list)', () => {
    const ctx = fixtureContext()
    const text = [...MODELS, ...court].filter(
      (m) => typeof m.sql(ctx) === 'string' && m.layer !== 'seed' && m.layer !== 'source',
    )
    expect(text.map((m) => m.name)).toEqual([])
  })
})

describe('one test file per court model', () => {
  it('every model of courtModels(...), and the status models, has test/sql/<folder>/<model>.test.ts', () => {
    const court = courtModels({ raw: 'select 1', lines: 'select 1' }).map((m) => m.name)
    // Built by `relief status` (import and report), beside the court chain: stg_court_rulings, int_filing_status.
    const names = [...court, 'stg_court_rulings', 'int_filing_status']
    expect(names.filter((n) => !existsSync(join(ROOT, testFileOf(n))))).toEqual([])
  })
})
