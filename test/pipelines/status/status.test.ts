import { describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { conviction, writeExtract } from '../../helpers/doj-fixture.ts'
import { runPipeline } from '../../../pipelines/run/run-pipeline.ts'
import { importRulings } from '../../../pipelines/status/status-import.ts'
import { statusReport } from '../../../pipelines/status/status-report.ts'
import { COURT_RULINGS_COLUMN_NAMES } from '../../../data-contracts/court-rulings.contract.ts'

type Row = Record<string, string>
const readCsv = (p: string): Row[] => parse(readFileSync(p), { columns: true }) as Row[]

// Two people with felony HS 11359 (reduced by the statute): A has two counts in one case, B one count.
const A1 = conviction({
  subject: '1',
  cnt: '001001001000',
  offense: '11359 HS-POSS MARIJUANA FOR SALE',
  convicted: '20050301',
  caseNumber: '05CR0001',
  county: 'ORANGE',
  name: 'ROE,ANN',
})
const A2 = conviction({
  subject: '1',
  cnt: '001001002000',
  offense: '11359 HS-POSS MARIJUANA FOR SALE',
  convicted: '20050301',
  caseNumber: '05CR0001',
  county: 'ORANGE',
  name: 'ROE,ANN',
})
const B1 = conviction({
  subject: '2',
  cnt: '001001001000',
  offense: '11359 HS-POSS MARIJUANA FOR SALE',
  convicted: '20060301',
  caseNumber: '06CR0002',
  county: 'ORANGE',
  name: 'POE,BO',
})
// In the next extract B also has a new count; the DOJ renumbered nothing else.
const B2 = conviction({
  subject: '2',
  cnt: '002001001000',
  offense: '11359 HS-POSS MARIJUANA FOR SALE',
  convicted: '20080301',
  caseNumber: '08CR0003',
  county: 'ORANGE',
  name: 'POE,BO',
})

const rulings = (dir: string, rows: string[][]): string => {
  const p = join(dir, `rulings-${rows.length}.csv`)
  writeFileSync(p, [COURT_RULINGS_COLUMN_NAMES.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n')
  return p
}

describe('filing status ledger', () => {
  it('keeps rulings by county, case number and count across a rerun with a new extract', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'relief-status-'))
    const out = join(dir, 'run')
    const run = (rows: ReturnType<typeof conviction>[], name: string) =>
      runPipeline({
        inputs: [writeExtract(rows.flat(), { dir, name })],
        out,
        asOf: '2026-01-01',
        quiet: true,
        determinationsOnly: true,
      })
    await run([A1, A2, B1], 'first.csv')
    // Case numbers written the court's way still land on the DOJ's counts; a malformed ruling is rejected by line.
    const imp = await importRulings({
      out,
      rulings: [
        rulings(dir, [
          [
            'Orange',
            '05-CR-1',
            '001001001000',
            'granted',
            '2023-02-01',
            'Reduced to a misdemeanor',
            '20230601',
          ],
          ['ORANGE', '05CR0001', '001001002000', 'continued', '20230101', '', ''],
          ['ORANGE', '05CR0001', '001001002000', 'GRANTED', '20230301', 'Reduced', ''],
          ['ORANGE', '06CR0002', '001001001000', 'denied', '2023-02-01', 'Opposed by the People', ''],
          ['ORANGE', '06CR0002', '001001001000', 'maybe', '2023-02-01', '', ''],
        ]),
      ],
    })
    expect(imp.inputs[0]).toMatchObject({ rows_read: 5, rows_loaded: 4, rows_rejected: 1, balanced: true })
    expect(imp.added).toBe(4)

    // A rerun rebuilds the database from a new extract; the ledger stays beside it.
    await run([A1, A2, B1, B2], 'second.csv')
    const s = await statusReport({ out, minCell: 1 })
    const all = s.rows.find((r) => r.county === 'all')!.counts
    expect(all).toEqual({
      identified: 4,
      filed: 4,
      granted: 2,
      denied: 1,
      withdrawn: 0,
      pending: 1,
      doj_updated: 1,
    })

    const updates = readCsv(join(out, 'restricted', 'doj', 'orange_updates.csv'))
    expect(updates.map((u) => `${u.case_number}/${u.cnt_order}`)).toEqual([
      '05CR0001/001001001000',
      '05CR0001/001001002000',
    ])
    expect(updates[1]).toMatchObject({ name: 'ROE,ANN', order_text: 'Reduced', ruling_date: '2023-03-01' })
    // Only A had every Prop 64 count granted.
    const notify = readCsv(join(out, 'restricted', 'notify', 'orange.csv'))
    expect(notify.map((n) => n.name)).toEqual(['ROE,ANN'])
    expect(notify[0]!.counts_cleared).toContain('001001002000')

    const status = JSON.parse(readFileSync(join(out, 'public', 'status.json'), 'utf8'))
    expect(status.counties[0].counts.granted).toBe(2)
    for (const d of ['doj', 'notify', 'ledger']) {
      expect(statSync(join(out, 'restricted', d)).mode & 0o777).toBe(0o700)
      for (const f of readdirSync(join(out, 'restricted', d)))
        expect(statSync(join(out, 'restricted', d, f)).mode & 0o777).toBe(0o600)
    }
  }, 120_000)

  it('withholds small cells in public/status at the default threshold', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'relief-status-small-'))
    const out = join(dir, 'run')
    await runPipeline({
      inputs: [writeExtract([A1, B1].flat(), { dir })],
      out,
      asOf: '2026-01-01',
      quiet: true,
      determinationsOnly: true,
    })
    const s = await statusReport({ out })
    expect(s.rows.find((r) => r.county === 'all')!.counts.identified).toBeNull()
    expect(readFileSync(join(out, 'public', 'status.md'), 'utf8')).toContain('(s)')
  }, 120_000)
})
