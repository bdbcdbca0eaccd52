import { beforeAll, describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { appendFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { runPipeline } from '../../../pipelines/run/run-pipeline.ts'
import { exportOutputs } from '../../../pipelines/export/export-command.ts'
import { UserError } from '../../../pipelines/lib/user-error.ts'
import { relief } from '../../helpers/run-cli.ts'
import { AS_OF, writeFixture } from './relief-fixture.ts'

let dir = ''
let out = ''
let extract = ''

const MINE = ['motions', 'doj', 'summary']
const isMine = (rel: string) => rel.startsWith('restricted/') || /^public\/summary\.(json|md)$/.test(rel)

/** sha256 of every file the motions, doj and summary steps write, keyed by path relative to the run. */
function hashes(): Record<string, string> {
  const acc: Record<string, string> = {}
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name)
      if (e.isDirectory()) walk(p)
      else if (isMine(relative(out, p)))
        acc[relative(out, p)] = createHash('sha256').update(readFileSync(p)).digest('hex')
    }
  }
  for (const top of ['restricted', 'public']) walk(join(out, top))
  return acc
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'relief-export-'))
  extract = writeFixture(dir)
  out = join(dir, 'run')
  await runPipeline({ inputs: [extract], out, asOf: AS_OF, quiet: true })
})

describe('relief export', () => {
  it('rewrites motions, DOJ files and summary byte for byte from the run folder', async () => {
    const before = hashes()
    expect(Object.keys(before).length).toBeGreaterThan(8)
    rmSync(join(out, 'restricted'), { recursive: true })
    for (const f of ['summary.json', 'summary.md']) rmSync(join(out, 'public', f))
    // Named in another order: they still run in run order.
    const done = await exportOutputs({ out, steps: ['summary', 'doj', 'motions'] })
    expect(done.map((d) => d.step)).toEqual(MINE)
    expect(hashes()).toEqual(before)
    expect(statSync(join(out, 'restricted', 'motions', 'yolo', 'casc-woodland.pdf')).mode & 0o777).toBe(0o600)
  })

  it('runs one named output from the command line', () => {
    const before = hashes()
    for (const f of ['summary.json', 'summary.md']) rmSync(join(out, 'public', f))
    const r = relief(['export', 'summary', '--out', out])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('summary: 2 file(s)')
    expect(hashes()).toEqual(before)
  })

  it('refuses an unknown output, a folder without a run, and an input changed since the run', async () => {
    await expect(exportOutputs({ out, steps: ['motion'] })).rejects.toThrow(
      /unknown output; choose from motions, doj, summary/,
    )
    expect(relief(['export', 'motion', '--out', out]).code).toBe(2)
    await expect(exportOutputs({ out: dir, steps: ['summary'] })).rejects.toBeInstanceOf(UserError)
    appendFileSync(extract, '\n')
    await expect(exportOutputs({ out, steps: ['doj'] })).rejects.toThrow(/changed since run/)
  })
})
