import { describe, expect, it } from 'vitest'
import { outputThreads } from '../../../pipelines/run/run-pipeline.ts'

describe('DuckDB threads while the output steps run side by side', () => {
  it('are half of the run threads, at least one', () => {
    expect([1, 2, 3, 4, 8, 16].map(outputThreads)).toEqual([1, 1, 1, 2, 4, 8])
    expect(outputThreads(2n)).toBe(1) // as DuckDB reports its setting
  })
})
