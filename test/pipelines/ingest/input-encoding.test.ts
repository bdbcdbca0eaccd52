/**
 * An extract written in Latin-1 (ISO-8859-1): accented names are one byte each, which is not UTF-8. Read as UTF-8
 * (the default) those lines are set aside and the run says why and what to do; read with --encoding latin-1 every
 * line is loaded and the names reach the outputs as written, in UTF-8.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { relief } from '../../helpers/run-cli.ts'
import { runPipeline } from '../../../pipelines/run/run-pipeline.ts'
import { checkEncoding } from '../../../pipelines/run/run-options.ts'
import { rawSourceSql } from '../../../pipelines/ingest/raw-source.ts'
import { exportOutputs } from '../../../pipelines/export/export-command.ts'
import { felonySaleLines } from '../../helpers/doj-fixture.ts'
import { DOJ_COLUMN_NAMES } from '../../../data-contracts/doj-extract.contract.ts'
import { openDb } from '../../../pipelines/lib/duckdb.ts'

const tmp = () => mkdtempSync(join(tmpdir(), 'relief-encoding-'))
const AS_OF = '2026-01-01'
const NAME = 'NÚÑEZ,JOSÉ'
type Row = Record<string, string>

/** A felony 11359 of 2005 (reduced under Prop 64), in Los Angeles. */
const sold = (subject: string, name?: string) => felonySaleLines(subject, { county: 'LOS ANGELES', name })

/** Person 1 has an accented name; person 2 does not. The whole file is Latin-1 bytes. */
const LINES = [DOJ_COLUMN_NAMES.join(','), ...sold('1', NAME), ...sold('2')]
let latin1File = ''

beforeAll(() => {
  latin1File = join(tmp(), 'latin1.csv')
  writeFileSync(latin1File, Buffer.from(LINES.join('\n') + '\n', 'latin1'))
})

async function run(encoding?: string) {
  const out = join(tmp(), 'out')
  const r = await runPipeline({ inputs: [latin1File], out, asOf: AS_OF, quiet: true, encoding })
  const rows = parse(readFileSync(join(out, 'count_determinations.csv')), { columns: true }) as Row[]
  const rejects = parse(readFileSync(join(out, 'rejects.csv')), { columns: true }) as Row[]
  return { manifest: r.manifest, rows, rejects, out }
}

describe('--encoding', () => {
  it('takes utf-8 and latin-1 under their usual names, and refuses any other', () => {
    expect(checkEncoding(undefined)).toBe('utf-8')
    expect(checkEncoding('UTF8')).toBe('utf-8')
    expect(checkEncoding('latin1')).toBe('latin-1')
    expect(checkEncoding('ISO-8859-1')).toBe('latin-1')
    expect(() => checkEncoding('utf-16')).toThrow(/--encoding utf-16: expected utf-8 or latin-1/)
    const r = relief(['run', '--input', latin1File, '--out', join(tmp(), 'o'), '--encoding', 'cp1252'])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/--encoding cp1252: expected utf-8 or latin-1/)
  })

  it('reads UTF-8 files with the SQL it always had, and a Latin-1 file with the reader decoding it', () => {
    const shape = { path: 'x.csv', hasHeader: true, bytes: 1, hasNul: false }
    expect(rawSourceSql([shape])).not.toMatch(/encoding=/)
    expect(rawSourceSql([{ ...shape, encoding: 'latin-1' }])).toMatch(/strict_mode=true, encoding='latin-1'/)
    // Two encodings cannot share one read_csv: one scan each.
    const mixed = rawSourceSql([shape, { ...shape, path: 'y.csv', encoding: 'latin-1' }])
    expect(mixed.split('union all')).toHaveLength(2)
  })
})

describe('a Latin-1 extract', () => {
  it('read as UTF-8: the accented lines are set aside as INVALID ENCODING, counted, and the run says what to do', async () => {
    const r = await run()
    expect(r.manifest.options.encoding).toBe('utf-8')
    expect(r.manifest.inputs[0]).toMatchObject({
      encoding: 'utf-8',
      rows_read: 4,
      rows_loaded: 2,
      rows_rejected: 2,
      rows_rejected_encoding: 2,
      balanced: true,
    })
    expect(r.rejects.map((x) => x.reason.split(':')[0])).toEqual(['INVALID ENCODING', 'INVALID ENCODING'])
    expect(r.rows.map((x) => x.subject_id)).toEqual(['2'])

    const cli = relief(['run', '--input', latin1File, '--out', join(tmp(), 'o'), '--as-of', AS_OF])
    expect(cli.code, cli.stderr).toBe(0)
    expect(cli.stderr).toMatch(
      /warning: .*latin1\.csv: 2 line\(s\) are not valid utf-8 text .* run again with --encoding latin-1/,
    )
  })

  it('read with --encoding latin-1: every line loads, and the name reaches the motions and DOJ files intact', async () => {
    const r = await run('latin-1')
    expect(r.manifest.options.encoding).toBe('latin-1')
    expect(r.manifest.inputs[0]).toMatchObject({
      encoding: 'latin-1',
      rows_loaded: 4,
      rows_rejected: 0,
      rows_rejected_encoding: 0,
    })
    expect(r.rows.map((x) => [x.subject_id, x.determination])).toEqual([
      ['1', 'reduce'],
      ['2', 'reduce'],
    ])
    const db = await openDb(join(r.out, 'relief.duckdb'), { readOnly: true })
    try {
      expect(await db.scalar(`select name from int_subjects where subject_id = '1'`)).toBe(NAME)
    } finally {
      db.close()
    }
    const motions = readFileSync(
      join(r.out, 'restricted', 'motions', 'los-angeles', 'casc-los-angeles.csv'),
      'utf8',
    )
    expect(motions).toContain(`"${NAME}"`)

    // The DOJ file carries the person's lines as the file holds them, decoded: the same text, written in UTF-8.
    const dojPath = join(r.out, 'restricted', 'doj', 'los-angeles_results.csv')
    const doj = readFileSync(dojPath)
    const lines = doj.toString('utf8').split('\n')
    for (const line of sold('1', NAME)) expect(lines.some((l) => l.startsWith(`${line},`))).toBe(true)
    expect(doj.includes(Buffer.from('Ú', 'latin1'))).toBe(false)

    // Written again from the run folder, byte for byte.
    await exportOutputs({ out: r.out, steps: ['doj'] })
    expect(readFileSync(dojPath).equals(doj)).toBe(true)
  })
})
