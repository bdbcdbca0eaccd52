import { describe, expect, it } from 'vitest'
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { relief } from '../../helpers/run-cli.ts'

const SAMPLES = new URL('../../fixtures/gogen/', import.meta.url).pathname
const tmp = () => mkdtempSync(join(tmpdir(), 'relief-bad-'))

/** A refused input: exit code 2, one line naming the file and the problem, no stack, no manifest. */
function expectRefused(input: string, pattern: RegExp) {
  const out = tmp()
  const r = relief(['run', '--input', input, '--out', out, '--as-of', '2026-01-01'])
  expect(r.code).toBe(2)
  const lines = r.stderr.trim().split('\n')
  expect(lines).toHaveLength(1)
  expect(lines[0]).toMatch(pattern)
  expect(r.stderr).not.toMatch(/\n\s+at /)
  expect(existsSync(join(out, 'manifest.json'))).toBe(false)
  expect(existsSync(join(out, 'count_determinations.csv'))).toBe(false)
}

describe('inputs that are not a DOJ extract are refused with one line', () => {
  it('a missing path', () => expectRefused('/no/such/extract.csv', /\/no\/such\/extract\.csv: no such file/))

  it('an empty file', () => {
    const f = join(tmp(), 'empty.csv')
    writeFileSync(f, '')
    expectRefused(f, /empty\.csv: file is empty/)
  })

  it('a file with a wrong header', () => {
    const f = join(tmp(), 'wrong-header.csv')
    writeFileSync(f, 'RECORD_ID,SUBJECT_ID,NAME\n1,2,3\n')
    expectRefused(
      f,
      /wrong-header\.csv: not in the DOJ research-file format \(header has 3 columns, expected 95\)/,
    )
  })

  it('a file whose every row has 94 columns (gogen bad.csv)', () =>
    expectRefused(join(SAMPLES, 'gogen-bad.csv'), /gogen-bad\.csv: not in the DOJ research-file format/))

  it('a headerless file with the wrong column count on every row', () => {
    const f = join(tmp(), 'narrow.dat')
    writeFileSync(f, '1,2,3\n4,5,6\n')
    expectRefused(f, /narrow\.dat: not in the DOJ research-file format \(rows have 3 columns, expected 95\)/)
  })

  it('a glob that matches nothing', () => expectRefused(join(tmp(), '*.dat'), /no file matches this pattern/))

  it('a bad --as-of date', () => {
    const r = relief([
      'run',
      '--input',
      join(SAMPLES, 'gogen-no_headers.csv'),
      '--out',
      tmp(),
      '--as-of',
      '2026-02-30',
    ])
    expect(r.code).toBe(2)
    expect(r.stderr.trim()).toMatch(/--as-of 2026-02-30: expected a real date/)
  })

  it('an unknown county', () => {
    const r = relief([
      'run',
      '--input',
      join(SAMPLES, 'gogen-no_headers.csv'),
      '--out',
      tmp(),
      '--county',
      'Narnia',
    ])
    expect(r.code).toBe(2)
    expect(r.stderr.trim()).toMatch(/--county Narnia: not a California county/)
  })
})

describe('accepted shapes', () => {
  it('reads a header line with a trailing comma (gogen extra_comma.csv) and a headerless file together', () => {
    const out = tmp()
    const r = relief([
      'run',
      '--input',
      join(SAMPLES, 'gogen-extra_comma.csv'),
      join(SAMPLES, 'gogen-no_headers.csv'),
      '--out',
      out,
      '--as-of',
      '2026-01-01',
    ])
    expect(r.code, r.stderr).toBe(0)
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))
    expect(m.inputs.map((i: { has_header: boolean }) => i.has_header)).toEqual([true, false])
    expect(m.inputs.map((i: { rows_loaded: number }) => i.rows_loaded)).toEqual([38, 38])
    expect(m.totals).toMatchObject({ rows_read: 76, rows_loaded: 76, rows_rejected: 0, balanced: true })
  })

  it('reads a directory of .dat files and a glob, each file once', () => {
    const dir = tmp()
    copyFileSync(join(SAMPLES, 'gogen-no_headers.csv'), join(dir, 'part-1.dat'))
    copyFileSync(join(SAMPLES, 'gogen-extra_comma.csv'), join(dir, 'part-2.dat'))
    const out = tmp()
    const r = relief(['run', '--input', dir, join(dir, '*.dat'), '--out', out, '--as-of', '2026-01-01'])
    expect(r.code, r.stderr).toBe(0)
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))
    expect(m.inputs.map((i: { file: string }) => i.file)).toEqual([
      join(dir, 'part-1.dat'),
      join(dir, 'part-2.dat'),
    ])
    expect(m.totals.rows_loaded).toBe(76)
  })
})
