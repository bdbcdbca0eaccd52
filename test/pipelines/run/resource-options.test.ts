/** What an input's size decides: the memory limit of the models, and of the writing after them. */
import { describe, expect, it } from 'vitest'
import { sizedForInput } from '../../../pipelines/run/resource-options.ts'

const GB = 1e9

describe('sizedForInput', () => {
  it('an extract of up to 2 GB: 1.5 GB throughout, the line table in memory', () => {
    expect(sizedForInput([{ bytes: 0.6 * GB }], undefined)).toEqual({
      memoryLimit: '1.5GB',
      outputMemoryLimit: '1.5GB',
      largeInput: false,
    })
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
