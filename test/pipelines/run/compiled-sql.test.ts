import { describe, expect, it } from 'vitest'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { COMPILED_AS_OF, writeModels } from '../../../pipelines/run/write-models.ts'

const COMMITTED = join(import.meta.dirname, '../../../sql/compiled')

describe('sql/compiled/ (the committed SQL of every model)', () => {
  it('is exactly what `relief models` writes today; run `npm run sql:compile` after changing a model', () => {
    const dir = mkdtempSync(join(tmpdir(), 'relief-compiled-'))
    const files = writeModels(dir, COMPILED_AS_OF).map((p) => p.slice(dir.length + 1))
    const committed = readdirSync(COMMITTED, { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.sql'),
    )
    expect(committed.sort()).toEqual([...files].sort())
    for (const f of files)
      expect(readFileSync(join(dir, f), 'utf8'), `sql/compiled/${f} is stale`).toBe(
        readFileSync(join(COMMITTED, f), 'utf8'),
      )
  })

  it('differs from another day only in run_params, which holds the as-of date', () => {
    const a = mkdtempSync(join(tmpdir(), 'relief-compiled-a-'))
    const b = mkdtempSync(join(tmpdir(), 'relief-compiled-b-'))
    const fa = writeModels(a, '2020-01-01').map((p) => p.slice(a.length + 1))
    writeModels(b, '2024-06-30')
    const differing = fa.filter((f) => readFileSync(join(a, f), 'utf8') !== readFileSync(join(b, f), 'utf8'))
    expect(differing).toEqual(['01_run_params.sql'])
  })
})
