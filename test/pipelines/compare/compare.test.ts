import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { comparePolicies } from '../../../pipelines/compare/compare.ts'
import { runPipeline } from '../../../pipelines/run/run-pipeline.ts'
import { openDb } from '../../../pipelines/lib/duckdb.ts'
import { lit } from '../../../sql/helpers/quote.ts'
import { writeExtract } from '../../helpers/doj-fixture.ts'
import { relief } from '../../helpers/run-cli.ts'
import { c, sale, burglary, M } from '../../policy/fixture-people.ts'

const dirs: string[] = []
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'relief-compare-'))
  dirs.push(d)
  return d
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))
type Cell = Record<string, string>
let input = ''
let policyFile = ''

beforeAll(() => {
  // Born 1980: every count below is convicted at 25–34, by a white man, in San Joaquin (the fixture defaults).
  input = writeExtract([
    ...sale('601', '001001001000', '20050601'),
    ...sale('601', '002001001000', '20100601'),
    ...sale('602', '001001001000', '20080601'),
    ...burglary('602', '20240601'),
    ...c('603', '001002001000', '11357(C) HS-POSS OVER 28.5 G', '20100601', M),
    ...c('603', '001002002000', '11364 HS-POSSESS PARAPHERNALIA', '20100601', M),
    ...sale('604', '001001001000', '20170601', { offenseDate: '20170101' }),
  ])
  policyFile = join(tmp(), 'reduce-all.yaml')
  writeFileSync(
    policyFile,
    'name: reduce-all\nfelony:\n  HS 11357: reduce\n  HS 11358: reduce\n  HS 11359: reduce\n  HS 11360: reduce\nmisdemeanor: reduce\n',
  )
})

const cell = (rows: Cell[], scenario: string, section: string, determination: string) =>
  rows.filter(
    (r) => r.scenario === scenario && r.code_section === section && r.determination === determination,
  )

describe('relief compare', () => {
  it('runs three scenarios over one ingest from the command line and writes csv, parquet and md', () => {
    const out = tmp()
    const r = relief([
      'compare',
      '--input',
      input,
      '--policy',
      'statute',
      '--policy',
      'dismiss-all',
      '--policy',
      'san-joaquin-2019',
      '--out',
      out,
      '--as-of',
      '2026-01-01',
    ])
    expect(r.stderr.split('\n').filter((l) => /error/i.test(l))).toEqual([])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('compare: statute, dismiss-all, san-joaquin-2019 over one ingest')
    for (const f of ['compare.csv', 'compare.parquet', 'compare.md'])
      expect(existsSync(join(out, f))).toBe(true)
    expect(existsSync(join(out, 'compare.duckdb'))).toBe(false)
    const rows = parse(readFileSync(join(out, 'compare.csv')), { columns: true }) as Cell[]
    expect(Object.keys(rows[0]!)).toEqual([
      'scenario',
      'charge_kind',
      'county',
      'code_section',
      'conviction_level',
      'determination',
      'layer',
      'race_group',
      'gender',
      'age_band',
      'convictions',
      'people',
    ])
    // Three felony 11359 counts of two people, all convicted at 25–34: one cell per scenario.
    expect(cell(rows, 'statute', 'HS 11359', 'reduce')).toEqual([
      expect.objectContaining({ layer: 'statute', age_band: '25-34', convictions: '3', people: '2' }),
    ])
    expect(cell(rows, 'dismiss-all', 'HS 11359', 'dismiss')).toEqual([
      expect.objectContaining({ layer: 'policy', convictions: '3', people: '2' }),
    ])
    // Post-Prop 64: not eligible in every scenario.
    for (const s of ['statute', 'dismiss-all', 'san-joaquin-2019'])
      expect(cell(rows, s, 'HS 11359', 'not_eligible')).toEqual([
        expect.objectContaining({ layer: 'statute', convictions: '1', people: '1' }),
      ])
    // Related charge only under San Joaquin.
    expect(
      rows
        .filter((x) => x.charge_kind === 'related')
        .map((x) => [x.scenario, x.code_section, x.determination]),
    ).toEqual([['san-joaquin-2019', 'HS 11364', 'dismiss']])
    const md = readFileSync(join(out, 'compare.md'), 'utf8')
    expect(md).toContain('## Totals by scenario')
    expect(md).toContain('| dismiss-all | 4 | 0 | 1 | 0 | 4 | 0 |')
    expect(md).toContain('## Largest differences by county')
    expect(md).toContain('## Differences by race group')
  })

  it('builds staging once and the policy layer once per scenario; each scenario matches a separate run', async () => {
    const out = tmp()
    const db = join(out, 'keep.duckdb')
    const policies = ['statute', 'san-joaquin-2019', policyFile]
    const r = await comparePolicies({
      inputs: [input],
      out,
      db,
      policy: policies,
      asOf: '2026-01-01',
      quiet: true,
    })
    expect(r.scenarios.map((s) => s.name)).toEqual(['statute', 'san-joaquin-2019', 'reduce-all'])
    expect(r.builds).toMatchObject({
      raw_doj_rows: 1,
      stg_doj_rows: 1,
      elig_statute_determinations: 1,
      elig_policy_determinations: 3,
      count_determinations: 3,
    })
    const rows = parse(readFileSync(join(out, 'compare.csv')), { columns: true }) as Cell[]
    const conn = await openDb(db)
    try {
      // No scenario could read the files again: the only relation over them was dropped after ingest.
      expect(
        Number(await conn.scalar(`select count(*) from duckdb_views() where view_name = 'raw_doj_rows'`)),
      ).toBe(0)
      // The Parquet file holds the same table as the CSV.
      expect(
        Number(await conn.scalar(`select count(*) from read_parquet(${lit(join(out, 'compare.parquet'))})`)),
      ).toBe(rows.length)
    } finally {
      conn.close()
    }
    for (const [i, p] of policies.slice(1).entries()) {
      const run = await runPipeline({
        inputs: [input],
        out: join(out, `run-${i}`),
        asOf: '2026-01-01',
        policy: [p],
        quiet: true,
        determinationsOnly: true,
      })
      // The manifest counts Prop 64 counts and related charges apart; compare labels them by charge_kind.
      for (const [kind, expected] of [
        ['prop64', run.manifest.counts.by_determination],
        ['related', run.manifest.counts.related_by_determination],
      ] as const) {
        const totals: Record<string, number> = {}
        for (const x of rows.filter(
          (x) => x.scenario === run.manifest.options.policy && x.charge_kind === kind,
        ))
          totals[x.determination!] = (totals[x.determination!] ?? 0) + Number(x.convictions)
        expect(totals).toEqual(expected)
      }
    }
  })

  it('refuses fewer than two policies and two scenarios with one name', async () => {
    await expect(
      comparePolicies({ inputs: [input], out: tmp(), policy: ['statute'], quiet: true }),
    ).rejects.toThrow(/compare needs at least two policies/)
    await expect(
      comparePolicies({ inputs: [input], out: tmp(), policy: ['statute', 'statute'], quiet: true }),
    ).rejects.toThrow(/"statute" is given twice/)
  })
})

describe('compare: options that cannot destroy', () => {
  it('refuses --db pointed at the extract (kept intact) and keeps a --db owner-only', async () => {
    const { mkdtempSync, readFileSync, statSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const { relief } = await import('../../helpers/run-cli.ts')
    const { conviction, writeExtract } = await import('../../helpers/doj-fixture.ts')
    const root = mkdtempSync(join(tmpdir(), 'relief-cmp-db-'))
    const extract = writeExtract(
      conviction({
        subject: '1',
        cnt: '001',
        offense: '11357 HS-POSS MARIJUANA',
        convicted: '20100101',
        level: 'MISDEMEANOR',
      }),
      { dir: root },
    )
    const before = readFileSync(extract)
    const args = [
      'compare',
      '--input',
      extract,
      '--policy',
      'statute',
      '--policy',
      'dismiss-all',
      '--as-of',
      '2026-01-01',
    ]
    const refused = relief([...args, '--out', join(root, 'cmp'), '--db', extract])
    expect(refused.code).toBe(2)
    expect(refused.stderr.trim()).toMatch(
      /^relief: --db .*extract\.csv: already exists and is not a relief database/,
    )
    expect(readFileSync(extract).equals(before)).toBe(true)
    const db = join(root, 'kept.duckdb')
    const r = relief([...args, '--out', join(root, 'cmp'), '--db', db])
    expect(r.stderr).not.toMatch(/relief:/)
    expect(statSync(db).mode & 0o777).toBe(0o600)
    expect(statSync(join(root, 'cmp', 'compare.csv')).mode & 0o077).toBe(0)
  }, 120_000)
})
