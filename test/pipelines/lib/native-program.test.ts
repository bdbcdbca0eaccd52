/** A program the run starts is stopped when the run stops it (an aborted signal), and says it did not finish. */
import { describe, expect, it } from 'vitest'
import { runProgram } from '../../../pipelines/lib/native-program.ts'

describe('runProgram', () => {
  it('runs a program to its end and gives its exit code and output', async () => {
    const r = await runProgram('sh', ['-c', 'echo out; echo err >&2; exit 3'])
    expect(r).toMatchObject({ code: 3, stdout: 'out\n', stderr: 'err\n' })
  })

  it('kills the program when its stop signal is aborted, and resolves as not finished', async () => {
    const stop = new AbortController()
    const started = performance.now()
    const running = runProgram('sleep', ['30'], stop.signal)
    setTimeout(() => stop.abort(), 50)
    const r = await running
    expect(r.code).toBe(-1)
    expect(performance.now() - started).toBeLessThan(5000)
  })
})
