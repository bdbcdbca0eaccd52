/**
 * Vitest's global setup: every temporary folder the tests make (mkdtemp under os.tmpdir(), in the test workers and
 * in the programs they start) goes under one folder of this run, removed when the run ends. Before, each full run
 * left about 400 folders of runs, extracts and databases in /tmp.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'relief-tests-'))
  // The test workers are started after this, with this environment; os.tmpdir() reads TMPDIR on every call.
  process.env.TMPDIR = root
  return () => rmSync(root, { recursive: true, force: true })
}
