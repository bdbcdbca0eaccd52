import { describe, expect, it } from 'vitest'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeModels } from '../../../pipelines/run/write-models.ts'
import { MODELS } from '../../../sql/models.ts'
import { FOLDED_MODELS } from '../../../sql/folded-models.ts'
import { STATUTE_RULES } from '../../../sql/rules/statute/registry.ts'

describe('relief models', () => {
  const dir = mkdtempSync(join(tmpdir(), 'relief-models-'))
  writeModels(dir)
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
  const folded = readdirSync(join(dir, 'folded')).sort()
  const numbered = (ms: readonly { name: string }[]) =>
    ms.map((m, i) => `${String(i + 1).padStart(2, '0')}_${m.name}.sql`)

  it('writes one numbered file per model, in build order', () => {
    expect(files).toEqual(numbered(MODELS))
  })

  it('writes in folded/ the models a run builds instead when the native reader read its input, in build order', () => {
    expect(folded).toEqual(numbered(FOLDED_MODELS.filter((m) => !MODELS.includes(m))))
    expect(folded).toContain('09_int_convictions.sql')
    expect(readFileSync(join(dir, 'folded', '09_int_convictions.sql'), 'utf8')).toMatch(/from "fold_counts"/)
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
    for (const f of [...files, ...folded.map((f) => join('folded', f))]) {
      const text = readFileSync(join(dir, f), 'utf8')
      expect(text).toMatch(/^-- model: {6}\S+/)
      expect(text).toMatch(/-- grain: {6}one row per/)
    }
  })
})
