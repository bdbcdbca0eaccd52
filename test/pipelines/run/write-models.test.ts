import { describe, expect, it } from 'vitest'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeModels } from '../../../pipelines/run/write-models.ts'
import { MODELS } from '../../../sql/models.ts'
import { STATUTE_RULES } from '../../../sql/rules/statute/registry.ts'

describe('relief models', () => {
  const dir = mkdtempSync(join(tmpdir(), 'relief-models-'))
  writeModels(dir)
  const files = readdirSync(dir).sort()

  it('writes one numbered file per model, in build order', () => {
    expect(files).toEqual(MODELS.map((m, i) => `${String(i + 1).padStart(2, '0')}_${m.name}.sql`))
  })

  it('shows every statute rule as its own CASE arm, tagged with its id, in precedence order', () => {
    const sql = readFileSync(
      join(
        dir,
        files.find((f) => f.endsWith('elig_statute_determinations.sql'))!,
      ),
      'utf8',
    )
    const positions = STATUTE_RULES.map((r) => sql.indexOf(`-- ${r.id}\n`))
    expect(positions.every((p) => p > 0)).toBe(true)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
  })

  it('states grain and dependencies in every header', () => {
    for (const f of files) {
      const text = readFileSync(join(dir, f), 'utf8')
      expect(text).toMatch(/^-- model: {6}\S+/)
      expect(text).toMatch(/-- grain: {6}one row per/)
    }
  })
})
