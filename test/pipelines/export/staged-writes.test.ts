/**
 * issue 12, item 7 (second half): an interrupted `export` or `report` leaves the previous files, so the
 * manifest lists only files that exist; neither runs while another relief process holds the folder.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { relief } from '../../helpers/run-cli.ts'

const ROOT = fileURLToPath(new URL('../../..', import.meta.url))

function listedButMissing(out: string): string[] {
  const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { outputs: string[] }
  return m.outputs.filter((f) => !existsSync(join(out, f)))
}

describe('export and report rewrite a run folder by rename', () => {
  let root: string
  let out: string
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'relief-staged-'))
    const extract = join(root, 'extract.csv')
    expect(relief(['generate', '--subjects', '3000', '--seed', '7', '--out', extract]).code).toBe(0)
    out = join(root, 'run')
    expect(relief(['run', '--input', extract, '--out', out, '--as-of', '2026-01-01']).code).toBe(0)
    expect(listedButMissing(out)).toEqual([])
  }, 240_000)

  it.each([
    [['export', 'all'], join('restricted', 'doj')],
    [['report'], join('public', 'report')],
  ])(
    '%j killed mid-way leaves every listed file in place',
    async (cmd, part) => {
      const child = spawn(process.execPath, ['bin/relief.js', ...cmd, '--out', out], {
        cwd: ROOT,
        stdio: 'ignore',
      })
      const exited = new Promise((r) => child.on('exit', r))
      const staged = join(out, `.relief-stage-${child.pid}`, part)
      const deadline = Date.now() + 120_000
      while (!existsSync(staged) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
      expect(existsSync(staged)).toBe(true)
      child.kill('SIGKILL')
      await exited
      expect(listedButMissing(out)).toEqual([])
      // The next rewrite clears the dead one's staging folder and completes.
      const r = relief([...cmd, '--out', out])
      expect(r.stderr).not.toMatch(/relief:/)
      expect(r.code).toBe(0)
      expect(readdirSync(out).filter((f) => f.startsWith('.relief-'))).toEqual([])
      expect(listedButMissing(out)).toEqual([])
    },
    240_000,
  )

  it('refuses to export while another relief process holds the folder', () => {
    const lock = join(root, '.run.relief-lock')
    writeFileSync(lock, `${process.pid}\n`)
    try {
      const r = relief(['export', 'summary', '--out', out])
      expect(r.code).toBe(2)
      expect(r.stderr.trim()).toMatch(/in use by another relief process .*export refused$/)
    } finally {
      writeFileSync(lock, '')
    }
  })
})
