/**
 * readChunks gives the file's identity only when the file was the same before its first read and after its last:
 * the DOJ step trusts that identity instead of hashing the input again (pipelines/lib/file-identity.ts).
 */
import { describe, expect, it } from 'vitest'
import { appendFileSync, mkdtempSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readChunks, READ_BYTES } from '../../../pipelines/lib/read-chunks.ts'
import { identityOf, sameIdentity } from '../../../pipelines/lib/file-identity.ts'

const fileOf = (bytes: number) => {
  const path = join(mkdtempSync(join(tmpdir(), 'relief-read-chunks-')), 'f.csv')
  writeFileSync(path, Buffer.alloc(bytes, 0x61))
  return path
}

describe('readChunks', () => {
  it('reads every byte and gives the identity of an unchanged file', async () => {
    const path = fileOf(2 * READ_BYTES + 5)
    let bytes = 0
    const identity = await readChunks(path, (c) => (bytes += c.length))
    expect(bytes).toBe(2 * READ_BYTES + 5)
    expect(identity).toBeDefined()
    expect(sameIdentity(identity!, identityOf(statSync(path, { bigint: true })))).toBe(true)
  })

  it('gives no identity for a file written while it was read', async () => {
    const path = fileOf(2 * READ_BYTES)
    let first = true
    const identity = await readChunks(path, () => {
      if (first) appendFileSync(path, 'more')
      first = false
    })
    expect(identity).toBeUndefined()
  })
})
