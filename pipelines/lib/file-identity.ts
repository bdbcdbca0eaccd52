/**
 * What says a file is still the one a run read, without reading it again: its device, inode, size and its
 * modification and status-change times to the nanosecond. A write through the file system changes the
 * modification time, and even a write that sets it back changes the status-change time, which only the kernel
 * sets. The DOJ step checks this within the run that hashed the input (docs/scale.md, "Session 25"); a later
 * `relief export` hashes the input again, since it has only the manifest's sha256 to go by.
 */
import type { FileHandle } from 'node:fs/promises'
import type { BigIntStats } from 'node:fs'

export interface FileIdentity {
  dev: bigint
  ino: bigint
  size: bigint
  mtimeNs: bigint
  ctimeNs: bigint
}

export const identityOf = (s: BigIntStats): FileIdentity => ({
  dev: s.dev,
  ino: s.ino,
  size: s.size,
  mtimeNs: s.mtimeNs,
  ctimeNs: s.ctimeNs,
})

/** The open file's identity (of the file the handle reads, whatever its path names now). */
export const identityOfHandle = async (file: FileHandle): Promise<FileIdentity> =>
  identityOf(await file.stat({ bigint: true }))

export const sameIdentity = (a: FileIdentity, b: FileIdentity): boolean =>
  a.dev === b.dev &&
  a.ino === b.ino &&
  a.size === b.size &&
  a.mtimeNs === b.mtimeNs &&
  a.ctimeNs === b.ctimeNs
