/**
 * Failures a user causes that surface as system or DuckDB errors (a folder they cannot write, a full disk,
 * a memory limit too small for the data) become one-line UserErrors; anything else stays a bug with its stack.
 */
import { UserError } from './user-error.ts'

const FS_WHY: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  ENOTDIR: 'a path component is a file, not a folder',
  EISDIR: 'is a folder, not a file',
  EDQUOT: 'disk quota exceeded',
}

export function asUserError(e: unknown): unknown {
  const err = e as NodeJS.ErrnoException & { message?: string }
  const msg = err?.message ?? ''
  // Checked first: ingest wraps DuckDB errors as "not readable as a DOJ extract", which would blame the file.
  if (/Out of Memory Error/i.test(msg))
    return new UserError(
      `DuckDB ran out of memory (${msg
        .split('\n')[0]!
        .replace(/^.*Out of Memory Error:\s*/i, '')
        .slice(0, 160)}); raise --memory-limit or lower --threads`,
    )
  if (e instanceof UserError) return e
  if (err?.code && FS_WHY[err.code] && err.path) return new UserError(`${err.path}: ${FS_WHY[err.code]}`)
  if (/No space left on device/i.test(msg))
    return new UserError(`no space left on the device while writing: ${msg.split('\n')[0]!.slice(0, 200)}`)
  return e
}
