import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { CACHE } from '../../bin/kept-bundle.js'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

describe('the install step (postinstall)', () => {
  it('builds the native programs and keeps the CLI, demo and report-worker (and PNG helper) bundles, so no run builds them', () => {
    const r = spawnSync(process.execPath, ['bin/launch.js', 'pipelines/prepare-native.ts'], {
      cwd: ROOT,
      encoding: 'utf8',
    })
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/native reader (ready|not built)/)
    expect(r.stdout).toContain('record-relief: CLI, demo and report workers bundled')
    for (const [name, entry] of [
      ['pipelines-cli', 'pipelines/cli.ts'],
      ['pipelines-demo', 'pipelines/demo.ts'],
      ['report-render-worker', 'pipelines/outputs/report-render-worker.ts'],
      ['chart-png-worker', 'pipelines/outputs/chart-png-worker.ts'],
    ] as const) {
      const kept = JSON.parse(readFileSync(join(CACHE, `${name}.json`), 'utf8')) as {
        bundle: string
        inputs: Record<string, unknown>
      }
      expect(Object.keys(kept.inputs)).toContain(entry)
      expect(readFileSync(join(CACHE, kept.bundle)).length).toBeGreaterThan(0)
    }
    // The CLI's bundle loads no package from outside itself at its start, only Node's own modules: esbuild and
    // resvg, which it keeps outside, are loaded when first needed (pipelines/lib/worker-module.ts,
    // reports/report/chart-png.ts), which a run never does on its own thread.
    const cli = JSON.parse(readFileSync(join(CACHE, 'pipelines-cli.json'), 'utf8')) as {
      bundle: string
      inputs: Record<string, unknown>
    }
    // Nor does it hold the report's drawing (Plot, linkedom, d3): that is the report worker's, or a bundle of its own
    // where the report is drawn on the calling thread (pipelines/outputs/report-renderer.ts).
    expect(
      Object.keys(cli.inputs).filter((f) => /@observablehq\/plot|linkedom|render-chart/.test(f)),
    ).toEqual([])
    const code = readFileSync(join(CACHE, cli.bundle), 'utf8')
    const statics = [...code.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]!)
    expect(statics.length).toBeGreaterThan(0)
    expect(statics.filter((p) => !p.startsWith('node:'))).toEqual([])
    // The CLI's bundle it kept is the one `relief` starts from: a start afterwards builds nothing.
    const before = readFileSync(join(CACHE, 'pipelines-cli.json'), 'utf8')
    const v = spawnSync(process.execPath, ['bin/relief.js', '--version'], { cwd: ROOT, encoding: 'utf8' })
    expect(v.stderr).toBe('')
    expect(readFileSync(join(CACHE, 'pipelines-cli.json'), 'utf8')).toBe(before)
  }, 120_000)
})
