/**
 * issue 12, items 4 and 5: text typed into the extract reaches CSVs as text, never as a spreadsheet formula,
 * and public outputs name only the 58 counties, escaped for markdown and HTML.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { parse } from 'csv-parse/sync'
import { relief } from '../../helpers/run-cli.ts'
import { conviction, writeExtract } from '../../helpers/doj-fixture.ts'
import { FORMULA_START } from '../../../data-contracts/outputs/spreadsheet-safety.ts'

const EVIL_COUNTY = '<script>alert(1)</script> | **x**'

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile())
}

describe('text from the extract in the files a run writes', () => {
  let out: string
  beforeAll(() => {
    const root = mkdtempSync(join(tmpdir(), 'relief-text-'))
    const extract = writeExtract(
      [
        ...conviction({
          subject: '1',
          cnt: '001',
          offense: '11357 HS-POSS MARIJUANA',
          convicted: '20100101',
          level: 'MISDEMEANOR',
          name: '=HYPERLINK("http://evil.example","click")',
          caseNumber: '+1-555',
          court: '@SUM(1)',
          county: EVIL_COUNTY,
        }),
        ...conviction({
          subject: '2',
          cnt: '001',
          offense: '11359 HS-POSS MARIJUANA FOR SALE',
          convicted: '20120101',
          name: '-DOE,JANE',
          caseNumber: '=1+1',
        }),
      ],
      { dir: root },
    )
    // A malformed line whose raw text (kept in rejects.csv) starts a formula.
    appendFileSync(extract, `=cmd|' /C calc'!A0,x\n`)
    out = join(root, 'run')
    const r = relief(['run', '--input', extract, '--out', out, '--as-of', '2026-01-01'])
    expect(r.stderr).not.toMatch(/relief:/)
    expect(r.code).toBe(0)
  }, 120_000)

  it("every CSV cell that would start a formula is written as text (prefixed with ')", () => {
    const csvs = files(out).filter((f) => f.endsWith('.csv'))
    const names = csvs.map((f) => relative(out, f))
    for (const must of ['count_determinations.csv', 'rejects.csv']) expect(names).toContain(must)
    expect(names.some((n) => n.startsWith('restricted/motions/'))).toBe(true)
    expect(names.some((n) => n.startsWith('restricted/doj/'))).toBe(true)
    for (const f of csvs) {
      const rows = parse(readFileSync(f), { relax_column_count: true }) as string[][]
      for (const cell of rows.flat())
        expect(FORMULA_START.test(cell) && !/^-\d+(\.\d+)?$/.test(cell), `${relative(out, f)}: ${cell}`).toBe(
          false,
        )
    }
    const text = csvs.map((f) => readFileSync(f, 'utf8')).join('\n')
    // The values are all there, as text.
    for (const v of [`'@SUM(1)`, `'+1-555`, `'=1+1`, `'=cmd|`]) expect(text).toContain(v)
    expect(text).toMatch(/'=HYPERLINK\(""http:\/\/evil\.example""/)
    expect(text).toContain(`'-DOE,JANE`)
  })

  it('public outputs carry only the 58 county names; a typed name is "Unknown county" and counted in data quality', () => {
    const pub = files(join(out, 'public'))
    for (const f of pub.filter(
      (p) => !p.endsWith('.png') && !p.endsWith('.parquet') && !p.endsWith('.arrow'),
    )) {
      const s = readFileSync(f, 'utf8').toLowerCase()
      expect(s, relative(out, f)).not.toContain('alert(1)')
      expect(s, relative(out, f)).not.toContain('**x**')
    }
    expect(readFileSync(join(out, 'public', 'summary.md'), 'utf8')).toContain('Unknown county')
    expect(readFileSync(join(out, 'public', 'summary.json'), 'utf8')).toContain('Unknown county')
    const dq = parse(readFileSync(join(out, 'public', 'marts', 'mart_data_quality.csv')), {
      columns: true,
    }) as Record<string, string>[]
    expect(dq.some((r) => Object.values(r).includes('county'))).toBe(true)
    // The restricted files keep the name as the extract had it: the office must see its own data.
    expect(readFileSync(join(out, 'count_determinations.csv'), 'utf8')).toMatch(/alert\(1\)/i)
  })
})
