/**
 * A failure of DuckDB's CSV reader while ingesting becomes one line naming the input files and, where the
 * cause is known, what to do; anything else is rethrown as it is (a bug keeps its stack).
 */
import { UserError } from '../lib/user-error.ts'
import type { FileShape } from './inspect-file.ts'

export function ingestError(e: unknown, files: readonly FileShape[]): unknown {
  const msg = (e as Error).message ?? ''
  if (!/CSV|read_csv|Invalid Input Error/i.test(msg)) return e
  // DuckDB 1.5 stops on a lone CR right after a line break, or CRLF mixed with lone CRs.
  const why = /state machine reached an invalid state/i.test(msg)
    ? 'line endings the CSV reader cannot take (a lone CR next to a line break, or CRLF mixed with lone CR); convert the file to LF line endings and run again'
    : msg.split('\n')[0]
  return new UserError(`${files.map((f) => f.path).join(', ')}: not readable as a DOJ extract: ${why}`)
}
