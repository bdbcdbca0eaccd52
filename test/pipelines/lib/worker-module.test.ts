import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { workerModule } from '../../../pipelines/lib/worker-module.ts'
import { CACHE, NOT_BUNDLED } from '../../../bin/kept-bundle.js'

const ROOT = fileURLToPath(new URL('../../..', import.meta.url))
const REPORT_WORKER = join(ROOT, 'pipelines/outputs/report-render-worker.ts')

/** The module a fresh process gets for the report's worker (a new process: nothing remembered in this one). */
function urlInFreshProcess(): string {
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx/esm',
      '--input-type=module',
      '-e',
      `const m = await import('./pipelines/lib/worker-module.ts'); console.log(m.workerModule(${JSON.stringify(REPORT_WORKER)}, 'packages').href)`,
    ],
    { cwd: ROOT, encoding: 'utf8' },
  )
  expect(r.stderr).toBe('')
  return r.stdout.trim()
}

describe('workerModule', () => {
  it('bundles a worker with the packages it uses, bar those Node loads from their own folder', () => {
    const url = workerModule(REPORT_WORKER, 'packages')!
    expect(url.protocol).toBe('file:')
    const code = readFileSync(url, 'utf8')
    const imports = [...code.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]!)
    // resvg is a native addon, loaded from its folder at the first PNG (reports/report/chart-png.ts), not at the
    // start; Plot, d3 and linkedom are in the file.
    expect(imports).not.toContain('@resvg/resvg-js')
    expect(code).toMatch(/\(["']@resvg\/resvg-js["']\)/)
    const isLeftOut = (p: string) =>
      p.startsWith('node:') ||
      NOT_BUNDLED.some((n) => (n.endsWith('*') ? p.startsWith(n.slice(0, -1)) : p === n))
    expect(imports.filter((p) => !isLeftOut(p))).toEqual([])
    const kept = JSON.parse(readFileSync(join(CACHE, 'report-render-worker.json'), 'utf8')) as {
      bundle: string
      inputs: Record<string, [number, number]>
    }
    expect(join(CACHE, kept.bundle)).toBe(fileURLToPath(url))
    expect(Object.keys(kept.inputs)).toContain('pipelines/outputs/report-render-worker.ts')
    expect(Object.keys(kept.inputs).some((f) => f.startsWith('node_modules/@observablehq/plot/'))).toBe(true)
  })

  it('is kept: a later process starts the same file without building it again', () => {
    const url = workerModule(REPORT_WORKER, 'packages')!
    const stampFile = join(CACHE, 'report-render-worker.json')
    const before = statSync(stampFile).mtimeMs
    const bundleBefore = statSync(url).mtimeMs
    expect(urlInFreshProcess()).toBe(url.href)
    expect(statSync(stampFile).mtimeMs).toBe(before)
    expect(statSync(url).mtimeMs).toBe(bundleBefore)
  })
})
