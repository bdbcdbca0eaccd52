/**
 * Golden case from a generated extract: 20,000 people (seed 7) decided under contra-costa-2020, the preset
 * that dismisses nearly everything, so most rows have one large cell beside a few small ones: the pattern
 * that used to withhold hundreds of people to protect a handful.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateExtract } from '../../../pipelines/generate/generate-extract.ts'
import { runPipeline } from '../../../pipelines/run/run-pipeline.ts'
import { openDb, type Db } from '../../../pipelines/lib/duckdb.ts'
import { PUBLIC_MARTS } from '../../../reports/report/public-marts.ts'
import { publishMarts } from '../../../pipelines/outputs/publish-marts.ts'
import { rowsOf } from '../../../reports/charts/rows.ts'
import { runNotebook } from '../../../notebooks/run-notebook.ts'
import { LARGE_CELL, MIN_CELL } from '../../../reports/suppression/min-cell.ts'

const dir = mkdtempSync(join(tmpdir(), 'relief-golden-suppress-'))
const extract = join(dir, 'extract.csv')
let db: Db

beforeAll(async () => {
  await generateExtract({ subjects: 20000, seed: 7, out: extract })
  const out = join(dir, 'run')
  await runPipeline({
    inputs: [extract],
    out,
    asOf: '2026-01-01',
    policy: ['contra-costa-2020'],
    quiet: true,
    determinationsOnly: true,
  })
  db = await openDb(join(out, 'relief.duckdb'))
}, 180_000)
afterAll(() => {
  db?.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('contra-costa-2020 on 20,000 generated people', () => {
  it('publishes no cell of 1–10 people, withholds no cell of 100 or more, rounds only to within ±5', async () => {
    const marts = await publishMarts(db, MIN_CELL, join(dir, 'marts'))
    let withheld = 0
    for (const m of PUBLIC_MARTS) {
      const raw = await db.rows<Record<string, unknown>>(
        `select * from (${m.source ?? `select * from ${m.name}`}) order by ${m.order}`,
      )
      const pub = rowsOf<Record<string, unknown>>(marts.get(m.name)!.table)
      expect(pub.length, m.name).toBe(raw.length)
      raw.forEach((r, i) => {
        const cell = m.cell(r)
        if (!cell) return
        const p = pub[i]!
        const where = `${m.name} ${JSON.stringify(r)}`
        if (p.suppressed) {
          withheld++
          expect(cell.people, where).toBeLessThan(LARGE_CELL)
        } else if (p.rounded) {
          expect(Math.abs(Number(p.counts) - cell.counts), where).toBeLessThanOrEqual(5)
          expect(Number(p.people), where).toBeGreaterThanOrEqual(MIN_CELL)
        } else {
          expect(p.counts, where).toBe(cell.counts)
          expect(cell.people === 0 || cell.people >= MIN_CELL, where).toBe(true)
        }
      })
    }
    expect(withheld).toBeGreaterThan(0)
    // The two marts the issue names keep their columns.
    for (const name of ['mart_relief_by_offense', 'mart_relief_by_county']) {
      const header = readFileSync(join(dir, 'marts', `${name}.csv`), 'utf8')
        .split('\n', 1)[0]!
        .split(',')
      for (const c of ['outcome', 'counts', 'people', 'suppressed']) expect(header, name).toContain(c)
    }
  })

  it("the scenario-comparison notebook shows every statewide scenario's dismiss count", async () => {
    const out = join(dir, 'nb')
    const presets = ['statute', 'contra-costa-2020', 'san-joaquin-2019', 'los-angeles-2020']
    await runNotebook(
      ['scenario-comparison', '--input', extract, '--out', out, '--presets', presets.join(',')],
      () => {},
    )
    const md = readFileSync(join(out, 'README.md'), 'utf8')
    const table = md.slice(md.indexOf('| Scenario | Dismiss |'))
    for (const s of presets) {
      const row = table.split('\n').find((l) => l.startsWith(`| ${s} |`))
      expect(row, s).toBeDefined()
      const dismiss = row!.split('|')[2]!.trim()
      expect(dismiss, s).toMatch(/^≈?[\d,]+$/)
      expect(Number(dismiss.replace(/[≈,]/g, '')), s).toBeGreaterThan(0)
    }
  }, 180_000)
})
