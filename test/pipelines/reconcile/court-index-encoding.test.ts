/**
 * A court index exported in Latin-1: the accented names are one byte each. Read as UTF-8 those records are set
 * aside and counted, and the run says which option reads them; with --court-index-encoding latin-1 they load,
 * match the DOJ count and keep their names.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { conviction, writeExtract } from '../../helpers/doj-fixture.ts'
import { relief } from '../../helpers/run-cli.ts'
import { reconcileRun } from '../../../pipelines/reconcile/reconcile-run.ts'
import { writeCourtIndex } from './court-fixture.ts'

type Row = Record<string, string>
const readCsv = (p: string): Row[] => parse(readFileSync(p), { columns: true }) as Row[]
const AS_OF = '2026-01-01'

const DOJ = conviction({
  subject: '100',
  cnt: '001001001000',
  offense: '11359 HS-POSS MARIJUANA FOR SALE',
  convicted: '20050301',
  caseNumber: '05CR1',
  county: 'LOS ANGELES',
  name: 'NÚÑEZ,JOSÉ',
  dob: '19700202',
})
const COURT = [
  {
    court_case_number: '05CR1',
    court: 'Superior Court Los Angeles',
    county: 'Los Angeles',
    defendant_name: 'NÚÑEZ, JOSÉ',
    dob: '1970-02-02',
    charge_section: 'HS 11359',
    charge_level: 'F',
    disposition: 'CONVICTED',
    disposition_date: '2005-03-01',
  },
  {
    court_case_number: 'GC-9',
    court: 'Superior Court Fresno',
    county: 'Fresno',
    defendant_name: 'PEÑA, ANA',
    dob: '1960-01-01',
    charge_section: 'HS 11357(b)',
    charge_level: 'M',
    disposition: 'CONVICTED',
    disposition_date: '1990-05-05',
  },
  {
    court_case_number: 'GC-10',
    court: 'Superior Court Fresno',
    county: 'Fresno',
    defendant_name: 'DOE, JANE',
    dob: '1961-01-01',
    charge_section: 'HS 11357(b)',
    charge_level: 'M',
    disposition: 'CONVICTED',
    disposition_date: '1991-05-05',
  },
]

let dir = ''
let extract = ''
let court = ''

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'relief-court-encoding-'))
  extract = writeExtract(DOJ, { dir })
  // The fixture writes UTF-8; the same text as Latin-1 bytes is what an older court system exports.
  const utf8 = writeCourtIndex(dir, COURT, 'court-utf8.csv')
  court = join(dir, 'court-latin1.csv')
  writeFileSync(court, Buffer.from(readFileSync(utf8, 'utf8'), 'latin1'))
})

/** `relief reconcile` of the two files, as a user runs it. */
const reconcileCli = (out: string, ...more: string[]) =>
  relief(['reconcile', '--input', extract, '--court-index', court, '--out', out, '--as-of', AS_OF, ...more])

async function reconcile(courtIndexEncoding?: string) {
  const out = join(mkdtempSync(join(dir, 'run-')), 'run')
  const r = await reconcileRun({
    inputs: [extract],
    courtIndex: [court],
    courtIndexEncoding,
    out,
    asOf: AS_OF,
    quiet: true,
    determinationsOnly: true,
  })
  const rec = join(out, 'restricted', 'reconcile')
  return {
    r,
    courtOnly: readCsv(join(rec, 'court_only.csv')),
    dojOnly: readCsv(join(rec, 'doj_only.csv')),
    rejects: readCsv(join(rec, 'court_index_rejects.csv')),
  }
}

describe('a Latin-1 court index', () => {
  it('read as UTF-8: the accented records are set aside and counted, and the run names the option', async () => {
    const { r, courtOnly, dojOnly, rejects } = await reconcile()
    expect(r.court.inputs[0]).toMatchObject({
      encoding: 'utf-8',
      rows_loaded: 1,
      rows_rejected: 2,
      rows_rejected_encoding: 2,
    })
    expect(rejects.map((x) => x.reason.split(':')[0])).toEqual(['INVALID ENCODING', 'INVALID ENCODING'])
    expect(courtOnly.map((c) => c.court_case_number)).toEqual(['GC-10'])
    // The court's record of 05CR1 was not read, so the DOJ count looks unknown to the court.
    expect(dojOnly.map((d) => d.case_number)).toEqual(['05CR1'])

    const cli = reconcileCli(join(mkdtempSync(join(dir, 'cli-')), 'run'))
    expect(cli.code, cli.stderr).toBe(0)
    expect(cli.stderr).toMatch(
      /warning: .*court-latin1\.csv: 2 line\(s\) are not valid utf-8 text .*court_index_rejects\.csv.* run again with --court-index-encoding latin-1/,
    )
  })

  it('read with --court-index-encoding latin-1: every record loads, matches and keeps its name', async () => {
    const { r, courtOnly, dojOnly, rejects } = await reconcile('latin1')
    expect(r.court.inputs[0]).toMatchObject({
      encoding: 'latin-1',
      rows_loaded: 3,
      rows_rejected_encoding: 0,
    })
    expect(rejects).toEqual([])
    expect(dojOnly).toEqual([])
    expect(courtOnly.map((c) => [c.court_case_number, c.determination])).toEqual([
      ['GC-10', 'dismiss'],
      ['GC-9', 'dismiss'],
    ])
    expect(JSON.stringify(courtOnly)).toContain('PEÑA, ANA')
  })

  it('refuses an encoding it does not read, naming the option', () => {
    const cli = reconcileCli(join(dir, 'never'), '--court-index-encoding', 'utf-16')
    expect(cli.code).toBe(2)
    expect(cli.stderr).toMatch(/--court-index-encoding utf-16: expected utf-8 or latin-1/)
  })
})
