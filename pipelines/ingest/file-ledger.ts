/**
 * One streaming pass per input file for the manifest: its sha256 and how many non-empty lines it holds.
 * The line count is the independent "rows in" figure that loaded + rejected must add up to.
 */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'

export interface FileLedger {
  sha256: string
  /** Non-empty physical lines, header included. */
  lines: number
  bytes: number
}

export async function ledgerOf(path: string): Promise<FileLedger> {
  const hash = createHash('sha256')
  let lines = 0
  let bytes = 0
  let lineLen = 0 // bytes since the last newline, ignoring '\r'
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 22 }) as AsyncIterable<Buffer>) {
    hash.update(chunk)
    bytes += chunk.length
    let from = 0
    for (;;) {
      const nl = chunk.indexOf(10, from)
      const end = nl < 0 ? chunk.length : nl
      let len = end - from
      if (len > 0 && chunk[end - 1] === 13) len--
      lineLen += len
      if (nl < 0) break
      if (lineLen > 0) lines++
      lineLen = 0
      from = nl + 1
    }
  }
  if (lineLen > 0) lines++
  return { sha256: hash.digest('hex'), lines, bytes }
}
