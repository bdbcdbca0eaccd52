/**
 * The native reader (pipelines/ingest/native/doj-fold.c) must give the models exactly what the SQL staging gives
 * them, or not take the file at all. Each case runs the same extract through both readers (`--reader native` and
 * `--reader duckdb`) and compares the three tables the fold replaces and the determination file, byte for byte;
 * the property does so over random lines made of the values staging treats specially (padding, case, bad dates,
 * SEE COMMENT FOR CHARGE, qualifier lists, prefixes, steps, sentence parts).
 */
import { describe, expect, it } from 'vitest'
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { runPipeline } from '../../../../pipelines/run/run-pipeline.ts'
import { openDb } from '../../../../pipelines/lib/duckdb.ts'
import { foldInputs, nativeReader } from '../../../../pipelines/ingest/native/native-fold.ts'
import { inspectFile } from '../../../../pipelines/ingest/inspect-file.ts'
import { UserError } from '../../../../pipelines/lib/user-error.ts'
import { conviction, dojRow, felonySale, toCsvLine, writeExtract } from '../../../helpers/doj-fixture.ts'
import { DOJ_COLUMN_NAMES, type DojRow } from '../../../../data-contracts/doj-extract.contract.ts'
import type { Manifest } from '../../../../data-contracts/manifest.contract.ts'

const tmp = () => mkdtempSync(join(tmpdir(), 'relief-native-'))
const FOLDED_TABLES = ['int_convictions', 'int_subjects', 'int_prop64_charges'] as const

interface ReaderResult {
  manifest: Manifest
  determinations: string
  tables: Record<string, unknown[]>
}

async function runWith(reader: 'native' | 'duckdb', inputs: string[]): Promise<ReaderResult> {
  const out = join(tmp(), 'out')
  await runPipeline({ inputs, out, asOf: '2026-01-01', quiet: true, determinationsOnly: true, reader })
  const db = await openDb(join(out, 'relief.duckdb'), { readOnly: true })
  const tables: Record<string, unknown[]> = {}
  try {
    for (const t of FOLDED_TABLES) tables[t] = await db.rows(`select * from ${t} order by all`)
  } finally {
    db.close()
  }
  return {
    manifest: JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest,
    determinations: readFileSync(join(out, 'count_determinations.csv'), 'utf8'),
    tables,
  }
}

/** Both readers over the same files: the native one must take them and give the same tables and file. */
async function expectSameFromBoth(inputs: string[]): Promise<void> {
  const native = await runWith('native', inputs)
  const sql = await runWith('duckdb', inputs)
  expect(native.manifest.reader).toEqual({ name: 'native' })
  expect(sql.manifest.reader?.name).toBe('duckdb')
  for (const t of FOLDED_TABLES) expect(native.tables[t], t).toEqual(sql.tables[t])
  expect(native.determinations).toBe(sql.determinations)
  expect(native.manifest.totals).toEqual(sql.manifest.totals)
  expect(native.manifest.counts).toEqual(sql.manifest.counts)
}

const writeText = (text: string, name = 'extract.csv'): string => {
  const path = join(tmp(), name)
  writeFileSync(path, text)
  return path
}
const HEADER = DOJ_COLUMN_NAMES.join(',')

describe('the native reader is available here', () => {
  it('compiles with the system C compiler (CI installs it)', async () => {
    expect(await nativeReader()).toHaveProperty('path')
  })
})

describe('the native reader gives the models what the SQL staging gives them', () => {
  it('hand-made lines: padding, case, quotes, SEE COMMENT, qualifiers, prefixes, steps, a disagreeing identity', async () => {
    const rows: DojRow[] = [
      ...felonySale(' 100', { name: 'DOE, "JJ"', gender: 'm', race: 'h ', qualifiers: 'ebBI' }),
      ...felonySale('\u00a0101', { offense: '664/11359 HS-ATTEMPT POSS FOR SALE', qualifiers: 'PC 32' }),
      ...felonySale('102', {
        offense: 'SEE COMMENT FOR CHARGE',
        comment: '11360(A) hs-transport',
        qualifiers: '182(A)(1)',
      }),
      ...felonySale('103', {
        offense: '11357(C) HS-POSS OVER 28.5 G',
        level: 'MISDEMEANOR',
        dob: '19871340',
      }),
      ...felonySale('103', { offense: '11357(C) HS-POSS OVER 28.5 G', name: 'ROE,103', dob: 'UNKNOWN' }),
      ...felonySale('103', {
        cnt: '002001001000',
        name: 'ROE,103',
        convicted: '20100101',
        disposition: ' convicted-jail ',
      }),
      ...felonySale('104', { level: '', toc: 'M', convicted: '20170105', offenseDate: '' }),
      dojRow({ SUBJECT_ID: '104', STP_TYPE_DESCR: 'deceased ', STP_EVENT_DATE: '20200101' }),
      dojRow({ SUBJECT_ID: '104', STP_TYPE_DESCR: 'REGISTRATION', OFFENSE_DESCR: '290 PC-REGISTRATION' }),
      dojRow({
        SUBJECT_ID: '105',
        STP_TYPE_DESCR: 'REGISTRATION',
        STP_EVENT_DATE: '20010101',
        OFFENSE_DESCR: '290(A) PC-REG',
      }),
      ...felonySale('105', { offense: '32 PC-ACCESSORY', caseNumber: '' }),
      dojRow({
        SUBJECT_ID: '105',
        CNT_ORDER: '001001002000',
        OFFENSE_DESCR: '11359 HS-POSS FOR SALE',
        DISP_DESCR: 'DISMISSED',
      }),
      ...conviction({
        subject: '106',
        cnt: '001001001000',
        offense: '11358 HS-CULTIVATION',
        convicted: '20030303',
        sentence: [
          { kind: 'JAIL', length: '90', unit: 'D' },
          { kind: 'JAIL', length: '90', unit: 'D' },
          { kind: 'probation', length: '2.5', unit: 'Y' },
          { kind: 'FINE', length: '', unit: 'D' },
        ],
      }),
      dojRow({
        ...felonySale('107')[0],
        SENT_LENGTH: '3',
        SENT_TIME_CODE: 'X',
        SENT_LOC_DESCR: 'OTHER',
        CYC_AGE: '130',
      }),
      dojRow({
        ...felonySale('108')[0],
        CONV_OFFENSE_DESCR: '11357(B) HS-POSS',
        CONV_OFFENSE_QUAL_LST: 'EB',
        CONV_OFFENSE_TOC: 'I',
      }),
      dojRow({ ...felonySale('109')[0], CNT_ORDER: '', CYC_ORDER: '2' }),
      dojRow({ ...felonySale('110')[0], SUBJECT_ID: '' }),
    ]
    await expectSameFromBoth([writeExtract(rows)])
  })

  it('CRLF line breaks, a file without a header, and two files read together', async () => {
    const a = writeText([HEADER, ...felonySale('200').map(toCsvLine)].join('\r\n') + '\r\n', 'a.csv')
    const b = writeText(
      felonySale('200', { cnt: '002001001000', convicted: '20120101' }).map(toCsvLine).join('\n'),
      'b.csv',
    )
    expect(inspectFile(b).hasHeader).toBe(false)
    await expectSameFromBoth([a, b])
  })

  it('its Parquet tables cut into many row groups (a row group a row) give the models the same tables', async () => {
    const lines = Array.from({ length: 30 }, (_, i) => [
      ...felonySale(String(500 + i)),
      ...felonySale(String(500 + i), { cnt: '002001001000', convicted: '20120101' }),
    ]).flat()
    const a = writeText([HEADER, ...lines.map(toCsvLine)].join('\n') + '\n', 'a.csv')
    const before = process.env.DOJ_FOLD_PAGE_BYTES
    process.env.DOJ_FOLD_PAGE_BYTES = '1' // every row ends its row group: the many-group path a large file takes
    try {
      const fold = await foldInputs([inspectFile(a)], join(tmp(), 'fold'))
      if (fold.kind !== 'folded') throw new Error('not folded')
      const db = await openDb(':memory:')
      try {
        const groups = await db.scalar<bigint>(
          `select count(*) from parquet_metadata('${fold.dir}/fold_subjects.parquet') where column_id = 0`,
        )
        expect(Number(groups)).toBe(30) // a row group a person
      } finally {
        db.close()
      }
      await expectSameFromBoth([a])
    } finally {
      if (before === undefined) delete process.env.DOJ_FOLD_PAGE_BYTES
      else process.env.DOJ_FOLD_PAGE_BYTES = before
    }
  })

  it("letting go of the files' pages as it reads and writes them changes nothing it writes", async () => {
    // Two files of many pages, one count's lines apart: each count's first line is read again as it is written.
    const people = (from: number) =>
      Array.from({ length: 120 }, (_, i) => [
        ...felonySale(String(from + i)),
        ...felonySale(String(from + i), { cnt: '002001001000', convicted: '20120101' }),
      ]).flat()
    const a = writeText([HEADER, ...people(1000).map(toCsvLine)].join('\n') + '\n', 'a.csv')
    const b = writeText([HEADER, ...people(2000).map(toCsvLine)].join('\n') + '\n', 'b.csv')
    const files = [inspectFile(a), inspectFile(b)]
    const foldWith = async (dropBytes: string | undefined) => {
      const before = process.env.DOJ_FOLD_DROP_BYTES
      if (dropBytes) process.env.DOJ_FOLD_DROP_BYTES = dropBytes
      try {
        const fold = await foldInputs(files, join(tmp(), 'fold'))
        if (fold.kind !== 'folded') throw new Error('not folded')
        const written = Object.fromEntries(
          readdirSync(fold.dir).map((f) => [f, readFileSync(join(fold.dir, f)).toString('base64')]),
        )
        const db = await openDb(':memory:')
        try {
          const counts = await db.scalar<bigint>(
            `select count(*) from read_parquet('${fold.dir}/fold_counts_*.parquet')`,
          )
          return { written, counts: Number(counts) }
        } finally {
          db.close()
        }
      } finally {
        if (before === undefined) delete process.env.DOJ_FOLD_DROP_BYTES
        else process.env.DOJ_FOLD_DROP_BYTES = before
      }
    }
    const kept = await foldWith(undefined)
    // Not vacuous: the counts files hold every count, and the files are many pages each.
    expect(kept.counts).toBe(480)
    expect(Object.keys(kept.written)).toContain('fold_counts_2.parquet')
    expect(readFileSync(a).length).toBeGreaterThan(20 * 4096)
    expect(await foldWith('1')).toEqual(kept) // one page: every page passed is let go
  })

  const value = <T>(...xs: T[]) => fc.constantFrom(...xs)
  const lineArb = fc.record({
    subject: value('300', '301', ' 302', '302', '\u00a0303', ''),
    name: value('DOE,A', 'DOE, "A"', 'roe,b', ' DOE,A'),
    gender: value('M', 'f', '', ' F'),
    dob: value('19800101', '19801301', 'UNKNOWN', '', '20010229'),
    disposition: value('CONVICTED-JAIL', ' convicted', 'DISMISSED', ''),
    step: value('COURT ACTION', 'DECEASED', 'registration ', 'ARREST/DETAINED'),
    offense: value(
      '11359 HS-POSS FOR SALE',
      '11357(C) HS-POSS',
      '664/11359 HS-ATT',
      '182(A)(1)/11360(A) HS-CONSP',
      'SEE COMMENT FOR CHARGE',
      '290 PC-REGISTER',
      '32 PC-ACCESSORY',
      '11350 HS-POSS NARC',
      '211 PC-ROBBERY',
      '11359 hs-poss for sale',
    ),
    convOffense: value('', '', '11357(B) HS-POSS', 'see comment for charge'),
    comment: value('', '11358 HS-CULT', '11360 HS, PER PLEA'),
    quals: value('', '', 'EB', 'EBBI', 'bi', '664', 'PC 32', '182(A)(1)', 'ABC', 'OK 290'),
    toc: value('F', 'm', '', 'I'),
    status: value('FELONY', 'misdemeanor', '', 'INFRACTION'),
    cnt: value('001001001000', '002001001000', '', ' 003001001000'),
    cyc: value('1', '2', ''),
    date: value('20050101', '20170202', '20051340', 'UNKNOWN', ''),
    sentOrder: value('1', '2', ''),
    kind: value('JAIL', 'probation', 'FINE', ''),
    length: value('1', '2.5', '30', '', '0.5'),
    unit: value('D', 'M', 'Y', 'y', 'X', ''),
    age: value('25', '', '130', '17'),
  })
  const toRow = (l: Record<string, string>): DojRow =>
    dojRow({
      SUBJECT_ID: l.subject,
      PRI_NAME: l.name,
      GENDER: l.gender,
      PRI_DOB: l.dob,
      RACE_CODE: 'W',
      CII_NUMBER: `A${l.subject.trim()}`,
      DISP_DESCR: l.disposition,
      STP_TYPE_DESCR: l.step,
      STP_EVENT_DATE: l.date,
      DISP_DATE: l.date,
      CYC_DATE: l.date,
      STP_ORI_DESCR: 'casc san joaquin',
      STP_ORI_CNTY_NAME: 'San Joaquin',
      OFFENSE_DESCR: l.offense,
      CONV_OFFENSE_DESCR: l.convOffense,
      COMMENT_TEXT: l.comment,
      OFFENSE_QUAL_LST: l.quals,
      OFFENSE_TOC: l.toc,
      CONV_STAT_DESCR: l.status,
      CNT_ORDER: l.cnt,
      CYC_ORDER: l.cyc,
      SENT_ORDER: l.sentOrder,
      SENT_LOC_DESCR: l.kind,
      SENT_LENGTH: l.length,
      SENT_TIME_CODE: l.unit,
      CYC_AGE: l.age,
      FE_NUM_CRT_CASE: 'CASE 1',
    })

  it('random lines of the values staging treats specially (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(lineArb, { minLength: 1, maxLength: 40 }), async (lines) => {
        await expectSameFromBoth([writeExtract(lines.map(toRow))])
      }),
      { numRuns: 12 },
    )
  }, 180_000)
})

describe('a file the native reader does not take goes to DuckDB, which reads it as before', () => {
  const valid = felonySale('400').map(toCsvLine)
  const quirks: [string, string, RegExp][] = [
    [
      'a quote inside an unquoted field',
      valid[0]!.replace('CONVICTED-PROBATION', 'CONVICTED"PRO"BATION'),
      /quote inside/,
    ],
    ['a quote left open', valid[0]!.replace('CONVICTED-PROBATION', 'CONVICTED"PROBATION'), /quote left open/],
    [
      'a quoted field holding a line break',
      valid[0]!.replace('CONVICTED-PROBATION', '"CONVICTED\nPROBATION"'),
      /quote left open/,
    ],
    ['a line with 94 fields', valid[0]!.replace(/,$/, ''), /94 fields/],
    ['an empty line', `${valid[0]}\n`, /empty line/],
    ['a 7-digit date', valid[0]!.replace(',20050301,', ',2005031,'), /neither 8 digits/],
    [
      'text past ASCII where the rules upper-case it',
      valid[0]!.replace('HS-POSS', 'HS-POSSÉ'),
      /past ASCII in OFFENSE_DESCR/,
    ],
  ]
  it('a carriage return inside a line: not taken (inspectFile refuses such a file before any reader)', async () => {
    const path = writeText(
      [HEADER, valid[0]!.replace('CONVICTED-PROBATION', 'CONVICTED\rPROBATION')].join('\n') + '\n',
    )
    const fold = await foldInputs([{ path, hasHeader: true, bytes: 0, hasNul: false }], join(tmp(), 'fold'))
    expect(fold).toEqual({ kind: 'not taken', why: expect.stringMatching(/line 2: a carriage return/) })
  })
  // The reader sees these bytes in the pass that splits the line: the exact check runs only where one is.
  for (const [what, bytes, why] of [
    ['a NUL byte', Buffer.from([0x00]), /line 2: a NUL byte/],
    ['a byte that is not UTF-8', Buffer.from([0xff]), /line 2: bytes that are not UTF-8/],
    ['a UTF-8 sequence cut short', Buffer.from([0xc3]), /line 2: bytes that are not UTF-8/],
  ] as const)
    it(`${what} inside a line: not taken, with its line`, async () => {
      const [before, after] = valid[0]!.split('CONVICTED-PROBATION')
      const path = join(tmp(), 'bytes.csv')
      writeFileSync(
        path,
        Buffer.concat([
          Buffer.from(`${HEADER}\n${before}CONVICTED`),
          bytes,
          Buffer.from(`PROBATION${after}\n`),
        ]),
      )
      const fold = await foldInputs([{ path, hasHeader: true, bytes: 0, hasNul: false }], join(tmp(), 'fold'))
      expect(fold).toEqual({ kind: 'not taken', why: expect.stringMatching(why) })
    })
  for (const [what, line, why] of quirks)
    it(`${what}: not taken, with the reason and its line; auto falls back, native refuses`, async () => {
      const path = writeText([HEADER, line, ...valid.slice(1)].join('\n') + '\n')
      const dir = join(tmp(), 'fold')
      const fold = await foldInputs([inspectFile(path)], dir)
      expect(fold.kind).toBe('not taken')
      if (fold.kind === 'not taken') {
        expect(fold.why).toMatch(why)
        expect(fold.why).toContain(`${path} line`)
      }
      const out = join(tmp(), 'out')
      await runPipeline({ inputs: [path], out, asOf: '2026-01-01', quiet: true, determinationsOnly: true })
      const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest
      expect(manifest.reader?.name).toBe('duckdb')
      expect(manifest.reader?.why).toMatch(why)
      await expect(
        runPipeline({
          inputs: [path],
          out: join(tmp(), 'out'),
          quiet: true,
          determinationsOnly: true,
          reader: 'native',
        }),
      ).rejects.toThrow(UserError)
    })

  it('a run stopped before the reader starts: not taken, and its folder is not made', async () => {
    const path = writeExtract(felonySale('403'))
    const dir = join(tmp(), 'fold')
    const stop = new AbortController()
    const folding = foldInputs([inspectFile(path)], dir, stop.signal)
    stop.abort()
    expect(await folding).toEqual({ kind: 'not taken', why: expect.stringMatching(/run stopped/) })
    expect(existsSync(dir)).toBe(false)
  })

  it('a Latin-1 extract is read by DuckDB, and the manifest says why', async () => {
    const path = writeExtract(felonySale('401'))
    const fold = await foldInputs([{ ...inspectFile(path), encoding: 'latin-1' }], join(tmp(), 'fold'))
    expect(fold).toEqual({ kind: 'not taken', why: expect.stringMatching(/UTF-8 only/) })
  })

  it('--reader takes auto, native or duckdb, and refuses anything else with one line', async () => {
    await expect(
      runPipeline({
        inputs: [writeExtract(felonySale('402'))],
        out: join(tmp(), 'out'),
        reader: 'fast',
        quiet: true,
      }),
    ).rejects.toThrow(/--reader fast: must be auto, native or duckdb/)
  })
})
