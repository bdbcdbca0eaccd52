/**
 * A phase is timed from its call, or from a mark taken when its work began earlier (the native reader, started
 * before the database opens): the run log must not start the ingest after its reading did.
 */
import { describe, expect, it } from 'vitest'
import { setTimeout as sleep } from 'node:timers/promises'
import { Progress } from '../../../pipelines/lib/progress.ts'

describe('Progress.phase', () => {
  it('times a phase from its call', async () => {
    const progress = new Progress(true)
    await sleep(40)
    await progress.phase('quick', async () => 'done')
    const [t] = progress.timings
    expect(t!.phase).toBe('quick')
    expect(t!.seconds).toBeLessThan(0.035)
    expect(t!.started_seconds).toBeGreaterThanOrEqual(0.035)
  })

  it('times a phase given `since` from that mark, and counts the time before its call', async () => {
    const progress = new Progress(true)
    const mark = progress.mark()
    await sleep(60)
    await progress.phase('reading', async () => 'done', undefined, { since: mark })
    const [t] = progress.timings
    expect(t!.seconds).toBeGreaterThanOrEqual(0.055)
    expect(t!.started_seconds).toBeLessThan(0.02)
  })

  it("counts a child process's CPU seconds reported after the mark", async () => {
    const progress = new Progress(true)
    const mark = progress.mark()
    progress.addChildCpu(1.5)
    await progress.phase('reading', async () => 'done', undefined, { since: mark })
    await progress.phase('after', async () => 'done')
    const [reading, after] = progress.timings
    expect(reading!.cpu_seconds).toBeGreaterThanOrEqual(1.5)
    expect(after!.cpu_seconds).toBeLessThan(1.5)
  })
})
