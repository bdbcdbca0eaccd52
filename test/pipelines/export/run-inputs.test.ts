import { describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { checkRunInputs } from '../../../pipelines/export/run-inputs.ts'
import type { Manifest } from '../../../data-contracts/manifest.contract.ts'

/** A manifest naming one input with the given hash (only the fields checkRunInputs reads). */
const manifest = (file: string, sha256: string) =>
  ({ run_id: 'r1', inputs: [{ file, sha256 }] }) as unknown as Manifest

describe('checkRunInputs', () => {
  // Larger than the 4 MB read buffer, so the buffer is reused and the last read is partial.
  const bytes = Buffer.alloc((9 << 20) + 123, 'a,b,c\n')
  const sha = createHash('sha256').update(bytes).digest('hex')

  it('accepts an input whose bytes are the ones the run hashed', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'relief-inputs-')), 'in.csv')
    writeFileSync(file, bytes)
    await expect(checkRunInputs(manifest(file, sha))).resolves.toBeUndefined()
  })

  it('refuses an input changed since the run, and one that is gone', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'relief-inputs-')), 'in.csv')
    writeFileSync(file, bytes)
    appendFileSync(file, 'x')
    await expect(checkRunInputs(manifest(file, sha))).rejects.toThrow(/changed since run r1/)
    await expect(checkRunInputs(manifest(`${file}.gone`, sha))).rejects.toThrow(/not found/)
  })
})
