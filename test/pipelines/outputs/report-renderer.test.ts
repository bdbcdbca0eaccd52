import { beforeAll, describe, expect, it } from 'vitest'
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runPipeline } from '../../../pipelines/run/run-pipeline.ts'
import { openDb } from '../../../pipelines/lib/duckdb.ts'
import { writeReport, type ReportResult } from '../../../pipelines/outputs/write-report.ts'
import { conviction, writeExtract } from '../../helpers/doj-fixture.ts'

/** 60 people in three counties, so the charts and the map have something to draw. */
function extract(): string {
  const rows = Array.from({ length: 60 }, (_, i) =>
    conviction({
      subject: String(700000 + i),
      cnt: '001001001000',
      offense: i % 2 ? '11359 HS-POSS MARIJUANA FOR SALE' : '11357(B) HS-POSS MARIJUANA',
      level: i % 2 ? 'FELONY' : 'MISDEMEANOR',
      convicted: `${1990 + (i % 15)}0601`,
      county: ['FRESNO', 'YOLO', 'ALAMEDA'][i % 3]!,
      race: ['W', 'B', 'H'][i % 3]!,
      dob: `${1955 + (i % 25)}0101`,
    }),
  ).flat()
  return writeExtract(rows)
}

/** Every file under a folder, by its path in it. */
function filesUnder(dir: string): Map<string, Buffer> {
  const found = new Map<string, Buffer>()
  for (const f of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (f.isFile()) {
      const path = join(f.parentPath, f.name)
      found.set(path.slice(dir.length), readFileSync(path))
    }
  return found
}

const drawn: { out: string; result: ReportResult }[] = []
beforeAll(async () => {
  const first = mkdtempSync(join(tmpdir(), 'relief-report-renderer-'))
  const run = await runPipeline({
    inputs: [extract()],
    out: first,
    asOf: '2026-01-01',
    quiet: true,
    determinationsOnly: true,
  })
  const second = mkdtempSync(join(tmpdir(), 'relief-report-renderer-'))
  cpSync(first, second, { recursive: true })
  for (const [out, drawHere] of [
    [first, false],
    [second, true],
  ] as const) {
    const db = await openDb(join(out, 'relief.duckdb'))
    try {
      const result = await writeReport({
        db,
        out,
        runId: run.runId,
        asOf: '2026-01-01',
        manifest: run.manifest,
        drawHere,
      })
      drawn.push({ out, result })
    } finally {
      db.close()
    }
  }
})

describe('the report drawn on its worker thread', () => {
  it('is drawn on the worker by default, and on the calling thread when asked', () => {
    expect(drawn.map((d) => d.result.drawnOn)).toEqual(['worker', 'this thread'])
  })

  it('writes the same files, byte for byte, as the calling thread draws', () => {
    const [a, b] = drawn.map((d) => filesUnder(join(d.out, 'public')))
    expect(a!.size).toBeGreaterThan(40) // the page, 14 charts in three formats, the marts in three
    expect([...a!.keys()].sort()).toEqual([...b!.keys()].sort())
    for (const [path, bytes] of a!) expect(bytes.equals(b!.get(path)!), path).toBe(true)
  })

  it('lists the same files, the page first', () => {
    const [a, b] = drawn.map((d) => d.result)
    expect(a!.files).toEqual(b!.files)
    expect(a!.files[0]).toBe(join('public', 'report', 'index.html'))
    expect(a!.charts).toBe(b!.charts)
    expect(a!.htmlBytes).toBe(b!.htmlBytes)
  })
})
