import { describe, expect, it } from 'vitest'
import { gitCommit, gitCommitLater, VERSION } from '../../../pipelines/lib/version.ts'

describe('version', () => {
  it('gives the package version, and the commit asked without blocking equals the one asked synchronously', async () => {
    expect(VERSION).toMatch(/^\d+\.\d+\.\d+/)
    const later = gitCommitLater()
    const now = gitCommit()
    expect(await later).toBe(now)
    // In a checkout (this project's tests run in one) it is a short hash; elsewhere both are null.
    if (now !== null) expect(now).toMatch(/^[0-9a-f]{7,}$/)
  })
})
