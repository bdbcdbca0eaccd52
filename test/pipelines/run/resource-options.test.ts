/** What an input's size decides: the memory limit of the models, and of the writing after them. */
import { describe, expect, it } from 'vitest'
import { sizedForInput } from '../../../pipelines/run/resource-options.ts'

const GB = 1e9

describe('sizedForInput', () => {
  it('an extract of up to 0.75 GB: 1.5 GB throughout, the line table in memory', () => {
    for (const bytes of [0, 0.6 * GB, 0.75 * GB])
      expect(sizedForInput([{ bytes }], undefined)).toEqual({
        memoryLimit: '1.5GB',
        outputMemoryLimit: '1.5GB',
        largeInput: false,
      })
  })

  it('an extract of 0.75 to 2 GB: two and a half times its size, in steps of 100 MB, up to 4 GB', () => {
    const limit = (bytes: number) => sizedForInput([{ bytes }], undefined)
    expect(limit(0.8 * GB)).toEqual({ memoryLimit: '2GB', outputMemoryLimit: '2GB', largeInput: false })
    expect(limit(1.01 * GB).memoryLimit).toBe('2600MB')
    expect(limit(1.52 * GB).memoryLimit).toBe('3800MB') // the 5M-line bench file
    expect(limit(1.7 * GB).memoryLimit).toBe('4GB')
    expect(limit(2 * GB).memoryLimit).toBe('4GB')
    // Two files count together.
    expect(sizedForInput([{ bytes: 0.5 * GB }, { bytes: 0.5 * GB }], undefined).memoryLimit).toBe('2500MB')
  })

  it('a statewide extract (past 2 GB, in one file or several): 3 GB for the models, 2 GB for the writing', () => {
    const expected = { memoryLimit: '3GB', outputMemoryLimit: '2GB', largeInput: true }
    expect(sizedForInput([{ bytes: 6 * GB }], undefined)).toEqual(expected)
    expect(sizedForInput([{ bytes: 1.5 * GB }, { bytes: 1.5 * GB }], undefined)).toEqual(expected)
  })

  it('--memory-limit holds throughout, whatever the size', () => {
    expect(sizedForInput([{ bytes: 6 * GB }], '5GB')).toEqual({
      memoryLimit: '5GB',
      outputMemoryLimit: '5GB',
      largeInput: true,
    })
    expect(sizedForInput([{ bytes: 0.1 * GB }], '800MB')).toMatchObject({ outputMemoryLimit: '800MB' })
  })
})
