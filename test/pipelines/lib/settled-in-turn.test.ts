import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { settledInTurn } from '../../../pipelines/lib/settled-in-turn.ts'

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('settledInTurn', () => {
  it('never runs more than `width` jobs at once, runs every job once, and keeps the results in job order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.record({ ms: fc.integer({ min: 0, max: 3 }), fails: fc.boolean() }), { maxLength: 8 }),
        async (width, specs) => {
          let running = 0
          let most = 0
          const started: number[] = []
          const results = await settledInTurn(
            width,
            specs.map((s, i) => async () => {
              started.push(i)
              running++
              most = Math.max(most, running)
              await tick(s.ms)
              running--
              if (s.fails) throw new Error(`job ${i}`)
              return i
            }),
          )
          expect(most).toBeLessThanOrEqual(width)
          expect(started).toEqual(specs.map((_, i) => i))
          expect(results).toEqual(
            specs.map((s, i) =>
              s.fails
                ? { status: 'rejected', reason: new Error(`job ${i}`) }
                : { status: 'fulfilled', value: i },
            ),
          )
        },
      ),
      { numRuns: 40 },
    )
  })

  it('runs jobs side by side when the width allows', async () => {
    let running = 0
    let most = 0
    const job = async () => {
      running++
      most = Math.max(most, running)
      await tick(5)
      running--
    }
    await settledInTurn(3, [job, job, job])
    expect(most).toBe(3)
  })
})
