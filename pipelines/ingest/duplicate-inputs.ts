/**
 * Refuses a delivery that holds the same extract twice (a copy such as "extract (1).csv", a symlink, a hard
 * link): loading it would count every sentence part twice and move sentence ends by years. Only files of
 * equal size can be equal, so only those are hashed here; the ledger hashes every file again for the manifest.
 */
import { createHash } from 'node:crypto'
import { closeSync, openSync, readSync, statSync } from 'node:fs'
import { UserError } from '../lib/user-error.ts'

function sha256Of(path: string): string {
  const hash = createHash('sha256')
  const buf = Buffer.alloc(1 << 22)
  const fd = openSync(path, 'r')
  try {
    for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0;) hash.update(buf.subarray(0, n))
  } finally {
    closeSync(fd)
  }
  return hash.digest('hex')
}

export function refuseDuplicateInputs(paths: readonly string[]): void {
  const bySize = new Map<number, string[]>()
  for (const p of paths) {
    const size = statSync(p).size
    bySize.set(size, [...(bySize.get(size) ?? []), p])
  }
  for (const group of bySize.values()) {
    if (group.length < 2) continue
    const seen = new Map<string, string>()
    for (const p of group) {
      const sha = sha256Of(p)
      const first = seen.get(sha)
      if (first)
        throw new UserError(
          `${first} and ${p} are the same extract (sha256 ${sha.slice(0, 12)}…): give each file once`,
        )
      seen.set(sha, p)
    }
  }
}
