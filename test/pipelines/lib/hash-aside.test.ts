/**
 * The run's plain ledger counts an input's lines at once and takes its sha256 aside, on a worker of the lowest
 * priority; the manifest gets that hash only if the file kept its identity through both readings.
 */
import { describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { appendFileSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { hashAside, takeHashes } from '../../../pipelines/lib/hash-aside.ts'
import { identityOf, sameIdentity } from '../../../pipelines/lib/file-identity.ts'
import { READ_BYTES } from '../../../pipelines/lib/read-chunks.ts'
import { plainLedgerOf } from '../../../pipelines/ingest/file-ledger.ts'
import { UserError } from '../../../pipelines/lib/user-error.ts'
import type { FileReconciliation } from '../../../data-contracts/manifest.contract.ts'

const fileOf = (text: string) => {
  const path = join(mkdtempSync(join(tmpdir(), 'relief-hash-aside-')), 'extract.csv')
  writeFileSync(path, text)
  return path
}
const sha256Of = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')
// Longer than one read, so the worker's loop turns.
const LINES = Array.from(
  { length: 3 * (READ_BYTES / 40) },
  (_, i) => `line ${i},a,b,c,${'x'.repeat(i % 17)}\n`,
).join('')

const reconciliationOf = (file: string): FileReconciliation =>
  ({ file, sha256: '' }) as unknown as FileReconciliation

describe('hashAside', () => {
  it("gives the file's sha256 and its identity while hashed", async () => {
    const path = fileOf(LINES)
    const { sha256, identity } = await hashAside(path).hashed
    expect(sha256).toBe(sha256Of(path))
    expect(sameIdentity(identity!, identityOf(statSync(path, { bigint: true })))).toBe(true)
  })

  it('stops when cancelled: its hash is not given', async () => {
    const aside = hashAside(fileOf(LINES))
    aside.cancel()
    await expect(aside.hashed).rejects.toThrow()
  })

  it('rejects for a file it cannot open', async () => {
    await expect(hashAside('/nonexistent/relief/extract.csv').hashed).rejects.toThrow(/ENOENT/)
  })
})

describe('takeHashes', () => {
  it("puts each input's hash into its reconciliation, when the ledger counted the same file", async () => {
    const path = fileOf(LINES)
    // The ledger the run takes beside the native reader: no hash of its own.
    const ledger = await plainLedgerOf(path, { hash: false })
    expect(ledger.sha256).toBe('')
    expect(ledger.lines).toBe(LINES.split('\n').length - 1)
    const inputs = [reconciliationOf(path)]
    await takeHashes(inputs, new Map([[path, hashAside(path)]]), new Map([[path, ledger.identity!]]))
    expect(inputs[0]!.sha256).toBe(sha256Of(path))
    expect(inputs[0]!.sha256).toBe((await plainLedgerOf(path)).sha256)
  })

  it('stops the run when the file changed between the ledger and the hash', async () => {
    const path = fileOf(LINES)
    const ledger = await plainLedgerOf(path, { hash: false })
    appendFileSync(path, 'one more line\n')
    const inputs = [reconciliationOf(path)]
    const taking = takeHashes(inputs, new Map([[path, hashAside(path)]]), new Map([[path, ledger.identity!]]))
    await expect(taking).rejects.toThrow(UserError)
    await expect(taking).rejects.toThrow(/changed while the run read it/)
    expect(inputs[0]!.sha256).toBe('')
  })

  it('stops the run when the ledger saw the file change while it counted', async () => {
    const path = fileOf(LINES)
    const inputs = [reconciliationOf(path)]
    // No identity in the ledger: the file changed during its reading.
    await expect(takeHashes(inputs, new Map([[path, hashAside(path)]]), new Map())).rejects.toThrow(
      /changed while the run read it/,
    )
  })
})
