/** The tool's version and, when run from a git checkout, its commit: every result records both. */
import { execFile, execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version

/** `git rev-parse --short HEAD` in the project's folder. */
const REV_PARSE = ['rev-parse', '--short', 'HEAD']
const PROJECT = new URL('../..', import.meta.url)

export function gitCommit(): string | null {
  try {
    return execFileSync('git', REV_PARSE, {
      cwd: PROJECT,
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .toString()
      .trim()
  } catch {
    return null
  }
}

/**
 * The same, without holding up the calling thread: a run asks at its start, while its process is small, and reads
 * the answer for the manifest. Asked synchronously once the models were in memory, forking the 1 GB process and
 * waiting for git held every DuckDB connection of a 1M-line run's output steps for about 0.1 s.
 */
export function gitCommitLater(): Promise<string | null> {
  return new Promise((resolve) =>
    execFile('git', REV_PARSE, { cwd: PROJECT }, (error, stdout) => resolve(error ? null : stdout.trim())),
  )
}
