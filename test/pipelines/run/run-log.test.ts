/** run-log.json says where a run's time went: each phase, and each model it built, in build order. */
import { describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runPipeline } from '../../../pipelines/run/run-pipeline.ts'
import { viewMartsFirst, BUILD_PHASES } from '../../../pipelines/run/build-models.ts'
import { MODELS } from '../../../sql/models.ts'
import { AS_OF, writeFixture } from '../export/relief-fixture.ts'
import { fixtureContext } from '../../helpers/model-fixture.ts'

describe('run-log.json', () => {
  it('lists every model the run built, once each, in build order, with its seconds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'relief-run-log-'))
    const out = join(dir, 'run')
    const result = await runPipeline({
      inputs: [writeFixture(dir)],
      out,
      asOf: AS_OF,
      quiet: true,
      steps: [],
    })
    const log = JSON.parse(readFileSync(join(out, 'run-log.json'), 'utf8')) as {
      timings: { phase: string; seconds: number; cpu_seconds: number }[]
      models: { model: string; seconds: number }[]
      native_reader: { seconds: number; cpu_seconds: number } | null
    }
    const all = MODELS.filter((m) => BUILD_PHASES.some((p) => p.layers.includes(m.layer)))
    // The marts that are views over the determinations come first, so the steps that read only them can start
    // while the table marts are built; otherwise the list's order.
    const marts = viewMartsFirst(
      all.filter((m) => m.layer === 'mart'),
      fixtureContext(),
    )
    const built = [...all.filter((m) => m.layer !== 'mart'), ...marts[0], ...marts[1]].map((m) => m.name)
    expect(marts[0].map((m) => m.name)).toContain('mart_motion_cases')
    expect(marts[1].map((m) => m.name)).toContain('mart_relief_by_county')
    expect(log.models.map((m) => m.model)).toEqual(built)
    expect(result.models).toEqual(log.models)
    // Every phase the run timed, the database file's copy too: with no output steps it ends after them, and the log
    // once went out before it ended.
    expect(log.timings.map((t) => t.phase)).toContain('write database')
    expect(log.timings).toEqual(result.timings)
    for (const m of log.models) expect(m.seconds).toBeGreaterThanOrEqual(0)
    // Each phase also gives the process's CPU seconds while it ran; reading and deciding the extract uses some.
    for (const t of log.timings) expect(t.cpu_seconds).toBeGreaterThanOrEqual(0)
    expect(log.timings.find((t) => t.phase === 'ingest')!.cpu_seconds).toBeGreaterThan(0)
    // The native reader's own seconds (where it read the extract) fall within the ingest phase's.
    if (log.native_reader) {
      expect(log.native_reader.seconds).toBeGreaterThan(0)
      expect(log.native_reader.seconds).toBeLessThanOrEqual(
        log.timings.find((t) => t.phase === 'ingest')!.seconds,
      )
    }
    // A phase's seconds cover its models' (the phase also waits on the ledger and the like, never less).
    for (const { phase, layers } of BUILD_PHASES) {
      const inPhase = MODELS.filter((m) => layers.includes(m.layer)).map((m) => m.name)
      const sum = log.models.filter((m) => inPhase.includes(m.model)).reduce((s, m) => s + m.seconds, 0)
      const timed = log.timings.find((t) => t.phase === phase)!.seconds
      expect(sum).toBeLessThanOrEqual(timed + 0.01)
    }
  })
})
