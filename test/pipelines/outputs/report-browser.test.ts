import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { chromium } from 'playwright-core'
import type { Db } from '../../../pipelines/lib/duckdb.ts'
import type { Manifest } from '../../../data-contracts/manifest.contract.ts'
import { writeReport } from '../../../pipelines/outputs/write-report.ts'
import { martDb, syntheticCounts } from '../../reports/report/mart-db.ts'

// Debian's chromium, never a downloaded browser. `.ci/run` installs it when missing.
const CHROMIUM = '/usr/bin/chromium'
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
const ARTIFACTS = fileURLToPath(new URL('../../artifacts/', import.meta.url))
const available = existsSync(CHROMIUM)
if (!available) console.warn(`\n  SKIPPED browser test: ${CHROMIUM} not found (apt-get install chromium)\n`)

const manifest = (runId: string): Manifest => ({
  tool: { name: 'record-relief', version: 'test', commit: null },
  run_id: runId,
  as_of: '2026-01-01',
  options: {
    county: null,
    policy: 'test-policy',
    policy_file: null,
    policy_sha256: null,
    threads: null,
    memory_limit: null,
  },
  inputs: [],
  totals: { rows_read: 4200, rows_loaded: 4197, rows_rejected: 3, balanced: true },
  counts: {
    in_scope_counts: 0,
    subjects: 0,
    by_statute_determination: {},
    by_determination: {},
    related_charge_rows: 0,
    related_by_determination: {},
  },
  outputs: [],
})

let db: Db
let html = ''
beforeAll(async () => {
  if (!available) return
  db = await martDb(syntheticCounts(3000), { policy: 'test-policy' })
  await db.run(
    `insert into ingest_rejects values ('x.csv', 7, 'MISSING COLUMNS: Expected Number of Columns: 95 Found: 3', 'x', null, [])`,
  )
  const out = mkdtempSync(join(tmpdir(), 'relief-browser-'))
  html = (
    await writeReport({
      db,
      out,
      runId: 'browsertest01',
      asOf: '2026-01-01',
      manifest: manifest('browsertest01'),
    })
  ).html
})
afterAll(() => db?.close())

describe('the report in a real browser (Debian chromium)', () => {
  ;(available ? it : it.skip)(
    'opens from disk with no request but itself, no console error, and every chart drawn with marks',
    async () => {
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS })
      try {
        const page = await browser.newPage({ viewport: { width: 1100, height: 900 } })
        const requests: string[] = []
        const errors: string[] = []
        page.on('request', (r) => requests.push(r.url()))
        page.on('console', (m) => {
          if (m.type() === 'error') errors.push(m.text())
        })
        page.on('pageerror', (e) => errors.push(String(e)))
        const url = pathToFileURL(html).href
        await page.goto(url, { waitUntil: 'load' })
        expect(requests).toEqual([url])
        expect(errors).toEqual([])

        const charts = await page.$$eval('figure.chart > svg[data-chart]', (svgs) =>
          svgs.map((svg) => {
            const box = svg.getBoundingClientRect()
            const marks = svg.querySelectorAll(
              'g[aria-label="bar"] rect, g[aria-label="geo"] path, g[aria-label="dot"] path, g[aria-label="dot"] circle',
            ).length
            return { name: svg.getAttribute('data-chart'), marks, width: box.width, height: box.height }
          }),
        )
        expect(charts.length).toBeGreaterThanOrEqual(15) // statute-vs-policy chart included: policy ≠ statute
        for (const c of charts) {
          expect(c.marks, `${c.name} has no marks`).toBeGreaterThan(0)
          expect(c.width * c.height, `${c.name} not visible`).toBeGreaterThan(0)
        }
        expect(await page.locator('section#headline .card').count()).toBeGreaterThanOrEqual(6)

        mkdirSync(ARTIFACTS, { recursive: true })
        await page.screenshot({ path: join(ARTIFACTS, 'report.png'), fullPage: true })
        expect(existsSync(join(ARTIFACTS, 'report.png'))).toBe(true)
      } finally {
        await browser.close()
      }
    },
  )
})
