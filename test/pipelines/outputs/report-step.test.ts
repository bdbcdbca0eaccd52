import { beforeAll, describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { runPipeline } from '../../../pipelines/run/run-pipeline.ts'
import { openDb } from '../../../pipelines/lib/duckdb.ts'
import { conviction, writeExtract } from '../../helpers/doj-fixture.ts'
import { relief } from '../../helpers/run-cli.ts'
import { reportCommand } from '../../../pipelines/outputs/report-command.ts'
import { reportStep } from '../../../pipelines/outputs/report-step.ts'
import { OUTPUT_STEPS } from '../../../pipelines/outputs/output-steps.ts'
import { UserError } from '../../../pipelines/lib/user-error.ts'

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex')

/** 90 people in two counties: old 11359 felonies (reduced) and 11357(B) misdemeanors (dismissed). */
function extract(): string {
  const rows = Array.from({ length: 90 }, (_, i) =>
    conviction({
      subject: String(500000 + i),
      cnt: '001001001000',
      offense: i % 3 ? '11359 HS-POSS MARIJUANA FOR SALE' : '11357(B) HS-POSS MARIJUANA',
      level: i % 3 ? 'FELONY' : 'MISDEMEANOR',
      convicted: `${1985 + (i % 20)}0301`,
      county: i % 2 ? 'LOS ANGELES' : 'YOLO',
      race: ['W', 'B', 'H'][i % 3]!,
      gender: i % 5 ? 'M' : 'F',
      dob: `${1950 + (i % 30)}0101`,
    }),
  ).flat()
  return writeExtract(rows)
}

let out = ''
let files: string[] = []
beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'relief-report-'))
  // The other output steps (motions, DOJ files) are not this test's business: run the determinations, then
  // the report step exactly as `relief run` calls it.
  const run = await runPipeline({
    inputs: [extract()],
    out,
    asOf: '2026-01-01',
    quiet: true,
    determinationsOnly: true,
  })
  const db = await openDb(join(out, 'relief.duckdb'))
  try {
    files = await reportStep.write({ db, out, runId: run.runId, asOf: '2026-01-01', manifest: run.manifest })
  } finally {
    db.close()
  }
})

describe('relief run writes the report', () => {
  it('is registered as the output step "report"', () => {
    expect(OUTPUT_STEPS.filter((s) => s.name === 'report')).toEqual([reportStep])
  })

  it('public/report/index.html, each chart as SVG, PNG and Vega-Lite, each mart as CSV, Parquet and Arrow', () => {
    const manifest = { outputs: files }
    expect(manifest.outputs).toContain('public/report/index.html')
    const html = readFileSync(join(out, 'public/report/index.html'), 'utf8')
    const charts = [...html.matchAll(/data-chart="([^"]+)"/g)].map((m) => m[1]!)
    expect(charts.length).toBeGreaterThanOrEqual(14)
    for (const c of charts)
      for (const ext of ['svg', 'png', 'vl.json'])
        expect(existsSync(join(out, 'public/report', `${c}.${ext}`)), `${c}.${ext}`).toBe(true)
    for (const m of [
      'mart_relief_by_county',
      'mart_relief_by_year',
      'mart_relief_by_offense',
      'mart_relief_by_demographics',
      'mart_data_quality',
    ])
      for (const ext of ['csv', 'parquet', 'arrow'])
        expect(manifest.outputs).toContain(`public/marts/${m}.${ext}`)
  })

  it('is one self-contained file: no script, no external reference, and a policy that forbids requests', () => {
    const html = readFileSync(join(out, 'public/report/index.html'), 'utf8')
    expect(html).toContain(`http-equiv="Content-Security-Policy" content="default-src 'none'`)
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|@font-face/i)
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i)
    expect(html.match(/url\((?!#)/g)).toBeNull()
    expect(html).toContain('Run <b>')
    expect(html).toContain('2026-01-01')
  })

  it('withholds every small cell in the page and the files (90 people; threshold 11)', () => {
    const county = parse(readFileSync(join(out, 'public/marts/mart_relief_by_county.csv')), {
      columns: true,
    }) as Record<string, string>[]
    for (const r of county)
      if (r.suppressed === 'false') expect(Number(r.people) === 0 || Number(r.people) >= 11).toBe(true)
    expect(county.some((r) => r.suppressed === 'true')).toBe(true)
    expect(readFileSync(join(out, 'public/report/index.html'), 'utf8')).toContain('(s) = withheld')
  })

  it('Parquet and CSV hold the same public rows', async () => {
    const db = await openDb(':memory:')
    try {
      const base = join(out, 'public/marts/mart_relief_by_demographics')
      const diff = await db.scalar<bigint>(
        `select count(*) from ((from read_parquet('${base}.parquet') except all from read_csv('${base}.csv', header = true))
          union all (from read_csv('${base}.csv', header = true) except all from read_parquet('${base}.parquet')))`,
      )
      expect(Number(diff)).toBe(0)
    } finally {
      db.close()
    }
  })

  it('`relief report --out` rebuilds the same bytes, and --min-cell changes what is withheld', async () => {
    const html = join(out, 'public/report/index.html')
    const before = sha(html)
    const marts = sha(join(out, 'public/marts/mart_relief_by_county.csv'))
    const withheld = (readFileSync(html, 'utf8').match(/\(s\)<\/td>/g) ?? []).length
    expect(withheld).toBeGreaterThan(0)
    const r = relief(['report', '--out', out, '--min-cell', '1'])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/report: .*index\.html \(\d+ bytes, \d+ charts/)
    expect((readFileSync(html, 'utf8').match(/\(s\)<\/td>/g) ?? []).length).toBe(0)
    await reportCommand({ out })
    expect(sha(html)).toBe(before)
    expect(sha(join(out, 'public/marts/mart_relief_by_county.csv'))).toBe(marts)
  })

  it('refuses a folder without a run', async () => {
    await expect(reportCommand({ out: mkdtempSync(join(tmpdir(), 'relief-empty-')) })).rejects.toThrow(
      UserError,
    )
  })
})
