import { describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { claimRunFolder, lockFolder } from '../../../pipelines/run/run-folder.ts'

const fresh = () => mkdtempSync(join(tmpdir(), 'relief-folder-'))
const mode = (p: string) => statSync(p).mode & 0o777

describe('a run folder', () => {
  it('is built in a hidden owner-only work folder and swapped in whole, leaving nothing of the earlier run', () => {
    const root = fresh()
    const out = join(root, 'run')
    mkdirSync(out)
    writeFileSync(join(out, 'compare.csv'), 'stale')
    const f = claimRunFolder(out)
    expect(mode(f.work)).toBe(0o700)
    writeFileSync(join(f.work, 'manifest.json'), '{}')
    expect(mode(join(f.work, 'manifest.json'))).toBe(0o600)
    expect(existsSync(join(out, 'compare.csv'))).toBe(true) // the earlier run stays until the swap
    f.commit()
    expect(readdirSync(out)).toEqual(['manifest.json'])
    expect(readdirSync(root)).toEqual(['run'])
  })

  it('leaves the earlier run untouched when abandoned', () => {
    const root = fresh()
    const out = join(root, 'run')
    mkdirSync(out)
    writeFileSync(join(out, 'manifest.json'), 'old')
    const f = claimRunFolder(out)
    writeFileSync(join(f.work, 'partial.csv'), 'x')
    f.abandon()
    expect(readdirSync(out)).toEqual(['manifest.json'])
    expect(readdirSync(root)).toEqual(['run'])
  })

  it('refuses a second claim while the first holds it, naming the holder', () => {
    const out = join(fresh(), 'run')
    const f = claimRunFolder(out)
    // The same process holding it counts as stale for itself; simulate another live holder: the parent pid.
    f.abandon()
    const lock = join(out, '..', '.run.relief-lock')
    writeFileSync(lock, `${process.ppid}\n`)
    expect(() => claimRunFolder(out)).toThrow(
      new RegExp(`in use by another relief process \\(pid ${process.ppid}\\)`),
    )
    expect(() => lockFolder(out, 'export')).toThrow(/export refused/)
  })

  it('takes over a lock left by a process that no longer exists, and clears its work folder', async () => {
    const root = fresh()
    const out = join(root, 'run')
    const child = spawn(process.execPath, ['-e', '0'])
    const dead = child.pid!
    await new Promise((r) => child.on('exit', r))
    writeFileSync(join(root, '.run.relief-lock'), `${dead}\n`)
    mkdirSync(join(root, `.run.relief-work-${dead}`))
    const f = claimRunFolder(out)
    expect(readdirSync(root).sort()).toEqual(['.run.relief-lock', `.run.relief-work-${process.pid}`])
    f.commit()
    expect(readdirSync(root)).toEqual(['run'])
  })

  it('refuses --out that is a file, in one line', () => {
    const root = fresh()
    writeFileSync(join(root, 'file'), 'x')
    expect(() => claimRunFolder(join(root, 'file'))).toThrow(/--out .*file: is a file, not a folder/)
    expect(() => claimRunFolder(join(root, 'file', 'run'))).toThrow(/--out .*: a path component is a file/)
  })
})
