/**
 * A file's sha256 taken on a worker thread of the lowest CPU priority. The run's ledger counts an input's lines
 * before anything is decided, but the input's hash is wanted only for the manifest and the run id, after the
 * determinations are written. Hashed beside the native reader, the hash took a share of the two cores the reader
 * needs (its ingest took 1.32–1.54 s at 1M lines against 1.25–1.43 without the hash, alternating); at the lowest
 * priority the hash runs in the cores' idle moments (the reader's merge, the models' single-threaded ends) and
 * waits out the rest. Linux gives each thread its own priority; elsewhere the worker keeps the process's.
 */
import { Worker } from 'node:worker_threads'
import type { BigIntStats } from 'node:fs'
import { identityOf, sameIdentity, type FileIdentity } from './file-identity.ts'
import { READ_BYTES } from './read-chunks.ts'
import { UserError } from './user-error.ts'
import type { FileReconciliation } from '../../data-contracts/manifest.contract.ts'

export interface HashedFile {
  sha256: string
  /** The file's identity while it was hashed: undefined if it changed meanwhile. */
  identity?: FileIdentity
}

/**
 * The worker (CommonJS, run from this text): reads the file front to back, hashing it, between two stats, which it
 * sends back whole (the calling side takes their identity: file-identity.ts).
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads')
const { closeSync, fstatSync, openSync, readlinkSync, readSync } = require('node:fs')
const { setPriority } = require('node:os')
const { createHash } = require('node:crypto')
try {
  // /proc/thread-self names this thread ("<pid>/task/<tid>"); a thread's priority is its own on Linux.
  setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), 19)
} catch {}
const fd = openSync(workerData.path, 'r')
try {
  const before = fstatSync(fd, { bigint: true })
  const hash = createHash('sha256')
  const buf = Buffer.allocUnsafeSlow(workerData.chunk)
  for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0; ) hash.update(buf.subarray(0, n))
  const after = fstatSync(fd, { bigint: true })
  parentPort.postMessage({ sha256: hash.digest('hex'), before, after })
} finally {
  closeSync(fd)
}
`

export interface HashAside {
  hashed: Promise<HashedFile>
  /** Stops the worker (its hash is not wanted); `hashed` then rejects. */
  cancel(): void
}

export function hashAside(path: string): HashAside {
  const worker = new Worker(WORKER, { eval: true, workerData: { path, chunk: READ_BYTES } })
  const hashed = new Promise<HashedFile>((resolve, reject) => {
    worker.once('message', (m: { sha256: string; before: BigIntStats; after: BigIntStats }) => {
      const [before, after] = [identityOf(m.before), identityOf(m.after)]
      resolve({ sha256: m.sha256, identity: sameIdentity(before, after) ? before : undefined })
    })
    worker.once('error', reject)
    worker.once('exit', (code) => reject(new Error(`hashing ${path}: the worker stopped (${code})`)))
  })
  hashed.catch(() => {}) // awaited by the caller, or cancelled
  return { hashed, cancel: () => void worker.terminate() }
}

/**
 * Each input's sha256, from its hash taken aside, into its reconciliation. The hash is of the bytes the ledger
 * counted only if the file kept one identity through both readings (`asRead`: the ledger's): otherwise the run
 * stops, keeping nothing.
 */
export async function takeHashes(
  inputs: FileReconciliation[],
  asides: ReadonlyMap<string, HashAside>,
  asRead: ReadonlyMap<string, FileIdentity>,
): Promise<void> {
  for (const input of inputs) {
    const { sha256, identity } = await asides.get(input.file)!.hashed
    const counted = asRead.get(input.file)
    if (!identity || !counted || !sameIdentity(identity, counted))
      throw new UserError(`${input.file}: changed while the run read it; run again once nothing writes to it`)
    input.sha256 = sha256
  }
}
