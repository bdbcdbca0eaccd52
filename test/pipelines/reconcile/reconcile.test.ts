import { beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { writeExtract } from '../../helpers/doj-fixture.ts'
import { relief } from '../../helpers/run-cli.ts'
import { reconcileRun, type ReconcileResult } from '../../../pipelines/reconcile/reconcile-run.ts'
import { writeCourtIndex } from './court-fixture.ts'
import { COURT, DOJ } from './reconcile-cases.ts'

type Row = Record<string, string>
const readCsv = (p: string): Row[] => parse(readFileSync(p), { columns: true }) as Row[]

let out: string
let r: ReconcileResult
let courtOnly: Row[], dojOnly: Row[], mismatches: Row[], rejects: Row[]

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'relief-reconcile-'))
  out = join(dir, 'run')
  const court = writeCourtIndex(dir, COURT)
  r = await reconcileRun({
    inputs: [writeExtract(DOJ, { dir })],
    courtIndex: [court],
    out,
    asOf: '2026-01-01',
    quiet: true,
    determinationsOnly: true,
  })
  const rec = join(out, 'restricted', 'reconcile')
  courtOnly = readCsv(join(rec, 'court_only.csv'))
  dojOnly = readCsv(join(rec, 'doj_only.csv'))
  mismatches = readCsv(join(rec, 'mismatches.csv'))
  rejects = readCsv(join(rec, 'court_index_rejects.csv'))
}, 120_000)

describe('relief reconcile: matching a court index to the DOJ counts', () => {
  it('matches differently formatted case numbers, and one court charge stands for two DOJ counts', () => {
    expect(dojOnly.map((d) => d.case_number)).not.toContain('05CR0001234')
    expect(mismatches.filter((m) => m.doj_case_number === '05CR0001234')).toEqual([])
    expect(courtOnly.map((c) => c.court_case_number)).not.toContain('05-cr-1234')
    expect(r.court.counts.matched_by).toEqual({ case_number: 3, name_dob: 1 })
  })

  it('falls back to name + DOB in the county when the numbers differ, and reports what disagrees', () => {
    expect(mismatches).toHaveLength(1)
    expect(mismatches[0]).toMatchObject({
      matched_by: 'name_dob',
      disagrees_on: 'level',
      subject_id: '200',
      doj_case_number: '06CR777',
      court_case_number: 'BA-555',
      doj_level: 'felony',
      court_level: 'misdemeanor',
    })
  })

  it('lists the DOJ counts whose case the court does not know', () => {
    expect(dojOnly.map((d) => `${d.subject_id}/${d.case_number}`)).toEqual(['300/07CR888'])
  })

  it('decides court-only convictions by the same rules, with review where the court data lacks history', () => {
    const by = Object.fromEntries(courtOnly.map((c) => [c.court_case_number, c]))
    expect(Object.keys(by).sort()).toEqual(['08CR999', 'GC-1', 'GC-2'])
    expect(by['GC-1']).toMatchObject({
      determination: 'review',
      rule_id: 'CRT-DATA-01',
      doj_history_known: 'false',
      court_line: '4',
    })
    expect(by['GC-2']).toMatchObject({
      determination: 'dismiss',
      rule_id: 'P64-11357B-01',
      code_section: 'HS 11357(B)',
    })
    // The DOJ knows case 08CR999 (and the person) but not its HS 11360(B) count.
    expect(by['08CR999']).toMatchObject({
      code_section: 'HS 11360(B)',
      case_known_to_doj: 'true',
      subject_id: '400',
      doj_history_known: 'true',
    })
    expect(by['08CR999']).toMatchObject({ determination: 'dismiss', rule_id: 'P64-11360B-01' })
    expect(r.court.counts.court_only_by_determination).toEqual({ dismiss: 2, review: 1 })
  })

  it('balances the court index ledger and rejects unmatchable records with their line numbers', () => {
    expect(r.court.totals).toEqual({ rows_read: 8, rows_loaded: 6, rows_rejected: 2, balanced: true })
    expect(rejects.map((x) => [x.line, x.reason.split(':')[0]])).toEqual([
      ['8', 'REFUSED'],
      ['9', 'REFUSED'],
    ])
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))
    expect(manifest.court_index.counts).toMatchObject({ court_only: 3, doj_only: 1, mismatches: 1 })
  })

  it('writes the reconciliation files owner-only in an owner-only folder', () => {
    const rec = join(out, 'restricted', 'reconcile')
    expect(statSync(rec).mode & 0o777).toBe(0o700)
    for (const f of ['court_only.csv', 'doj_only.csv', 'mismatches.csv', 'court_index_rejects.csv'])
      expect(statSync(join(rec, f)).mode & 0o777).toBe(0o600)
  })
})

describe('relief reconcile refuses a file that is not a court index', () => {
  it('one line, exit 2, before any run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'relief-reconcile-bad-'))
    const bad = join(dir, 'wrong.csv')
    writeFileSync(bad, 'case,county\n1,ORANGE\n')
    const res = relief([
      'reconcile',
      '--input',
      writeExtract(DOJ, { dir }),
      '--court-index',
      bad,
      '--out',
      join(dir, 'o'),
    ])
    expect(res.code).toBe(2)
    expect(res.stderr.trim().split('\n')).toHaveLength(1)
    expect(res.stderr).toMatch(
      /wrong\.csv: not a court case index \(header column 1 is "case", expected "court_case_number"/,
    )
  })
})
