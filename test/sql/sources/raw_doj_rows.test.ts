/**
 * raw_doj_rows: the input files as DuckDB reads them through ingest's read_csv expression (rawSourceSql): the
 * contract's 95 columns as text plus the file name, NUL bytes removed, and every malformed line diverted to the
 * reject tables instead of the view.
 */
import { describe, expect, it } from 'vitest'
import { mkdtempSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runModel } from '../../helpers/model-fixture.ts'
import { dojRow, toCsvLine } from '../../helpers/doj-fixture.ts'
import { raw_doj_rows } from '../../../sql/sources/raw_doj_rows.ts'
import {
  rawSourceSql,
  REJECT_ERRORS_TABLE,
  REJECT_SCANS_TABLE,
} from '../../../pipelines/ingest/raw-source.ts'
import { DOJ_COLUMN_COUNT, DOJ_COLUMN_NAMES } from '../../../data-contracts/doj-extract.contract.ts'

const NUL = String.fromCharCode(0)
const HEADER = DOJ_COLUMN_NAMES.join(',')

function writeFile(dir: string, name: string, lines: string[]) {
  const path = join(dir, name)
  writeFileSync(path, lines.join('\n') + '\n')
  return { path, bytes: statSync(path).size }
}

async function readRaw(files: { path: string; bytes: number; hasHeader: boolean }[]) {
  const run = await runModel(raw_doj_rows, {}, { ctx: { rawSource: rawSourceSql(files) } })
  const rows = await run.db.rows<Record<string, string | null>>(
    `select SUBJECT_ID, PRI_NAME, CNT_ORDER, OFFENSE_DESCR, filename from raw_doj_rows order by SUBJECT_ID`,
  )
  return { run, rows }
}

describe('raw_doj_rows', () => {
  it('a view of the contract columns as text, plus the file each line came from', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'raw-doj-'))
    const f = writeFile(dir, 'extract.csv', [
      HEADER,
      toCsvLine(dojRow({ SUBJECT_ID: '1', CNT_ORDER: '001001001' })),
    ])
    const { run, rows } = await readRaw([{ ...f, hasHeader: true }])
    try {
      const cols = await run.db.rows<{ column_name: string; data_type: string }>(
        `select column_name, data_type from information_schema.columns where table_name = 'raw_doj_rows' order by ordinal_position`,
      )
      expect(cols.map((c) => c.column_name)).toEqual([...DOJ_COLUMN_NAMES, 'filename'])
      expect(cols).toHaveLength(DOJ_COLUMN_COUNT + 1)
      expect(new Set(cols.map((c) => c.data_type))).toEqual(new Set(['VARCHAR']))
      const kind = await run.db.scalar(
        `select table_type from information_schema.tables where table_name = 'raw_doj_rows'`,
      )
      expect(kind).toBe('VIEW')
      // Text stays text: leading zeros are kept.
      expect(rows).toEqual([
        { SUBJECT_ID: '1', PRI_NAME: null, CNT_ORDER: '001001001', OFFENSE_DESCR: null, filename: f.path },
      ])
    } finally {
      run.close()
    }
  })

  it('removes NUL bytes from every field, and keeps a quoted comma and line break', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'raw-doj-'))
    const f = writeFile(dir, 'extract.csv', [
      HEADER,
      toCsvLine(dojRow({ SUBJECT_ID: `2${NUL}`, PRI_NAME: `DOE${NUL},JANE`, CNT_ORDER: `001${NUL}001001` })),
      toCsvLine(dojRow({ SUBJECT_ID: '3', OFFENSE_DESCR: '11357 HS-POSS\nMARIJUANA' })),
    ])
    const { run, rows } = await readRaw([{ ...f, hasHeader: true }])
    run.close()
    expect(rows).toEqual([
      {
        SUBJECT_ID: '2',
        PRI_NAME: 'DOE,JANE',
        CNT_ORDER: '001001001',
        OFFENSE_DESCR: null,
        filename: f.path,
      },
      {
        SUBJECT_ID: '3',
        PRI_NAME: null,
        CNT_ORDER: null,
        OFFENSE_DESCR: '11357 HS-POSS\nMARIJUANA',
        filename: f.path,
      },
    ])
  })

  it('a malformed line goes to the reject tables with its line number, not into the view', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'raw-doj-'))
    const good = (id: string) => toCsvLine(dojRow({ SUBJECT_ID: id }))
    const f = writeFile(dir, 'extract.csv', [HEADER, good('4'), '1,2,5,too,few,fields', good('6')])
    const { run, rows } = await readRaw([{ ...f, hasHeader: true }])
    try {
      expect(rows.map((r) => r.SUBJECT_ID)).toEqual(['4', '6'])
      const rejects = await run.db.rows<{ line: string; file_path: string; error_type: string }>(
        // The reader logs one error per missing column; the line is one (ingest_rejects keeps the first).
        `select distinct e.line::varchar as line, s.file_path, e.error_type
         from ${REJECT_ERRORS_TABLE} e join ${REJECT_SCANS_TABLE} s using (scan_id, file_id)`,
      )
      expect(rejects).toEqual([{ line: '3', file_path: f.path, error_type: 'MISSING COLUMNS' }])
    } finally {
      run.close()
    }
  })

  it('files with and without a header line are read by separate scans into one view', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'raw-doj-'))
    const a = writeFile(dir, 'with-header.csv', [HEADER, toCsvLine(dojRow({ SUBJECT_ID: '7' }))])
    const b = writeFile(dir, 'no-header.csv', [toCsvLine(dojRow({ SUBJECT_ID: '8' }))])
    const { run, rows } = await readRaw([
      { ...a, hasHeader: true },
      { ...b, hasHeader: false },
    ])
    run.close()
    expect(rows.map((r) => [r.SUBJECT_ID, r.filename])).toEqual([
      ['7', a.path],
      ['8', b.path],
    ])
  })
})
