import { createHash } from 'node:crypto'
import { closeSync, mkdtempSync, openSync, readFileSync, readSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DOJ_COLUMN_NAMES, duckdbReadColumns } from '../../../data-contracts/doj-extract.contract.ts'
import { REFERENCE_DIR } from '../../../pipelines/lib/paths.ts'
import { openDb, type Db } from '../../../pipelines/lib/duckdb.ts'
import {
  DEFAULT_DISPARITY,
  ROWS_PER_SUBJECT_ESTIMATE,
  generateExtract,
  type GenerateResult,
} from '../../../pipelines/generate/generate-extract.ts'

const dir = mkdtempSync(join(tmpdir(), 'relief-generate-'))
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')
const firstLine = (file: string) => {
  const fd = openSync(file, 'r')
  const buf = Buffer.alloc(4096)
  const len = readSync(fd, buf, 0, buf.length, 0)
  closeSync(fd)
  return buf.subarray(0, len).toString('utf8').split('\n', 1)[0]
}

/** Load a generated file the way ingest does: 95 VARCHAR columns in contract order, header skipped. */
async function load(db: Db, table: string, file: string): Promise<void> {
  await db.run(`CREATE TABLE ${table} AS SELECT row_number() OVER () AS line, * FROM read_csv('${file}',
    header = true, columns = ${duckdbReadColumns()}, all_varchar = true, strict_mode = true, null_padding = false)`)
}

let db: Db
let big: GenerateResult
/** The charge text of a row: OFFENSE_DESCR, or COMMENT_TEXT when the charge was moved there; trimmed, upper case. */
const charge = (t: string) =>
  `upper(trim(CASE WHEN ${t}.OFFENSE_DESCR = 'SEE COMMENT FOR CHARGE' THEN ${t}.COMMENT_TEXT ELSE ${t}.OFFENSE_DESCR END))`
/** Scalar of the first column of a query over table x (the 20,000-subject file). */
const n = async (sql: string) => Number(await db.scalar(sql))

/**
 * The other runs: determinism (a, b, c; bigOne is the big one on one thread, past one thread's share of rows) and
 * the disparity knob (d1, d12). Started together with the big one.
 */
let runs: Record<'a' | 'b' | 'c' | 'd1' | 'd12' | 'bigOne', GenerateResult>

beforeAll(async () => {
  // all runs at once: each has single-threaded phases, so together they finish sooner on 2 cores
  const [bigRun, a, b, c, d1, d12, bigOne] = await Promise.all([
    generateExtract({ subjects: 20_000, seed: 20240611, out: join(dir, 'big.csv') }),
    generateExtract({ subjects: 1000, seed: 5, out: join(dir, 'a.csv') }),
    generateExtract({ subjects: 1000, seed: 5, out: join(dir, 'b.csv'), threads: 1 }),
    generateExtract({ subjects: 1000, seed: 6, out: join(dir, 'c.csv') }),
    generateExtract({ subjects: 1000, seed: 9, disparity: 1, out: join(dir, 'd1.csv') }),
    generateExtract({ subjects: 1000, seed: 9, disparity: 12, out: join(dir, 'd12.csv') }),
    generateExtract({ subjects: 20_000, seed: 20240611, out: join(dir, 'big-one-thread.csv'), threads: 1 }),
  ])
  big = bigRun
  runs = { a, b, c, d1, d12, bigOne }
  db = await openDb(':memory:', { threads: 2 })
  // one thread while loading, so row_number() OVER () is the file's line order
  await db.run('SET threads = 1')
  await load(db, 'x', big.out)
  await db.run('SET threads = 2')
  await db.run(
    `CREATE TABLE codes AS SELECT * FROM read_csv('${join(REFERENCE_DIR, 'cannabis-offense-codes.csv')}', all_varchar = true)`,
  )
})

afterAll(() => {
  db?.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('file shape', () => {
  it('has the contract header, 95 names in order', () => {
    const header = firstLine(big.out)
    expect(header).toBe(DOJ_COLUMN_NAMES.join(','))
    expect(DOJ_COLUMN_NAMES).toHaveLength(95)
  })

  it('parses as CSV with 95 fields on every line, one row per reported row', async () => {
    const cols = await db.rows<{ n: number }>(
      `SELECT CAST(count(*) AS INTEGER) AS n FROM (DESCRIBE SELECT * FROM read_csv('${big.out}', header = true, all_varchar = true, strict_mode = true))`,
    )
    expect(cols[0]!.n).toBe(95)
    expect(await n('SELECT count(*) FROM x')).toBe(big.rows)
    // no line breaks inside fields: one text line per row, plus the header
    const bytes = readFileSync(big.out)
    expect(bytes.at(-1)).toBe(0x0a)
    let newlines = 0
    for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, i + 1)) newlines++
    expect(newlines - 1).toBe(big.rows)
  })

  it('reports subjects and rows per subject near ROWS_PER_SUBJECT_ESTIMATE', async () => {
    expect(big.subjects).toBe(20_000)
    expect(await n('SELECT count(DISTINCT SUBJECT_ID) FROM x')).toBe(20_000)
    const perSubject = big.rows / big.subjects
    expect(perSubject).toBeGreaterThan(8)
    expect(perSubject).toBeLessThan(12)
    expect(Math.abs(perSubject - ROWS_PER_SUBJECT_ESTIMATE) / ROWS_PER_SUBJECT_ESTIMATE).toBeLessThan(0.05)
  })

  it('keeps each person together and sorts by cycle, step, count and sentence part', async () => {
    // a subject's rows are contiguous and CNT_ORDER + SENT_ORDER rises through them
    expect(
      await n(
        `SELECT count(*) FROM (SELECT SUBJECT_ID, max(line) - min(line) + 1 AS span, count(*) AS c FROM x GROUP BY 1) WHERE span <> c`,
      ),
    ).toBe(0)
    expect(
      await n(`SELECT count(*) FROM (
        SELECT SUBJECT_ID, CNT_ORDER, coalesce(SENT_ORDER, '0') AS so,
          lag(CNT_ORDER) OVER (PARTITION BY SUBJECT_ID ORDER BY line) AS pc, lag(coalesce(SENT_ORDER, '0')) OVER (PARTITION BY SUBJECT_ID ORDER BY line) AS ps
        FROM x) WHERE pc IS NOT NULL AND (CNT_ORDER < pc OR (CNT_ORDER = pc AND so <= ps))`),
    ).toBe(0)
  })

  it('writes CNT_ORDER as cycle(3) + step(3) + count(3) + 000, consistent with CYC_ORDER and STP_ORDER', async () => {
    expect(
      await n(`SELECT count(*) FROM x WHERE NOT regexp_full_match(CNT_ORDER, '\\d{9}000')
        OR CAST(CNT_ORDER[1:3] AS INTEGER) <> CAST(CYC_ORDER AS INTEGER)
        OR CAST(CNT_ORDER[4:6] AS INTEGER) <> CAST(STP_ORDER AS INTEGER)`),
    ).toBe(0)
  })

  it('gives people stable ids, CII numbers of 8-9 digits and LAST,FIRST M names', async () => {
    expect(await n(`SELECT count(*) FROM x WHERE NOT regexp_full_match(CII_NUMBER, '\\d{8,9}')`)).toBe(0)
    expect(
      await n(`SELECT count(*) FROM x WHERE NOT regexp_full_match(PRI_NAME, '[A-Z'' ]+,[A-Z]+( [A-Z])?')`),
    ).toBe(0)
    expect(
      await n(`SELECT count(*) FROM (SELECT SUBJECT_ID FROM x GROUP BY 1
        HAVING count(DISTINCT CII_NUMBER) > 1 OR count(DISTINCT PRI_NAME) > 1 OR count(DISTINCT coalesce(PRI_DOB, '')) > 1)`),
    ).toBe(0)
  })
})

describe('determinism', () => {
  it('gives a byte-identical file for the same seed and options, on any thread count', () => {
    expect(runs.b.rows).toBe(runs.a.rows)
    expect(sha256(runs.b.out)).toBe(sha256(runs.a.out))
    // 180k rows: the write spans several threads' rows, and must keep the sorted order.
    expect(sha256(runs.bigOne.out)).toBe(sha256(big.out))
  })

  it('gives a different file for a different seed', () => {
    expect(sha256(runs.c.out)).not.toBe(sha256(runs.a.out))
  })

  it('refuses bad options', async () => {
    await expect(generateExtract({ subjects: 0, seed: 1, out: join(dir, 'z.csv') })).rejects.toThrow(
      /subjects/,
    )
    await expect(generateExtract({ subjects: 10, seed: -1, out: join(dir, 'z.csv') })).rejects.toThrow(/seed/)
    await expect(
      generateExtract({ subjects: 10, seed: 1, disparity: 0, out: join(dir, 'z.csv') }),
    ).rejects.toThrow(/disparity/)
  })
})

describe('places and people', () => {
  it('covers all 58 counties, with county codes and names as in counties.csv', async () => {
    expect(await n('SELECT count(DISTINCT STP_ORI_CNTY_CODE) FROM x')).toBe(58)
    expect(
      await n(`SELECT count(*) FROM x ANTI JOIN read_csv('${join(REFERENCE_DIR, 'counties.csv')}', all_varchar = true) c
        ON c.county_code = x.STP_ORI_CNTY_CODE AND c.county = x.STP_ORI_CNTY_NAME`),
    ).toBe(0)
  })

  it('names courts and agencies by county, several courts in big counties', async () => {
    expect(
      await n(`SELECT count(*) FROM x WHERE STP_TYPE_DESCR = 'COURT ACTION'
        AND NOT (regexp_full_match(STP_ORI_CODE, 'CA0\\d\\d0\\d\\dJ') AND STP_ORI_DESCR LIKE 'CASC ' || STP_ORI_CNTY_NAME || '%')`),
    ).toBe(0)
    expect(
      await n(
        `SELECT count(DISTINCT STP_ORI_DESCR) FROM x WHERE STP_ORI_CNTY_NAME = 'LOS ANGELES' AND STP_TYPE_DESCR = 'COURT ACTION'`,
      ),
    ).toBeGreaterThan(5)
    expect(
      await n(
        `SELECT count(DISTINCT STP_ORI_DESCR) FROM x WHERE STP_ORI_CNTY_NAME = 'ALPINE' AND STP_TYPE_DESCR = 'COURT ACTION'`,
      ),
    ).toBeLessThanOrEqual(1)
  })

  it('puts about a quarter of later cycles in another county than the first', async () => {
    const share = await n(`WITH c AS (SELECT DISTINCT SUBJECT_ID, CYC_ORDER, STP_ORI_CNTY_CODE FROM x),
      home AS (SELECT SUBJECT_ID, arg_min(STP_ORI_CNTY_CODE, CAST(CYC_ORDER AS INTEGER)) AS h FROM c GROUP BY 1)
      SELECT avg(CASE WHEN c.STP_ORI_CNTY_CODE <> home.h THEN 1 ELSE 0 END) FROM c JOIN home USING (SUBJECT_ID) WHERE c.CYC_ORDER <> '1'`)
    expect(share).toBeGreaterThan(0.1)
    expect(share).toBeLessThan(0.4)
  })

  it('has mostly men, DOJ race codes with their text, and a few impossible or blank DOBs', async () => {
    const male = await n(
      `SELECT avg(CASE WHEN GENDER = 'M' THEN 1 ELSE 0 END) FROM (SELECT DISTINCT SUBJECT_ID, GENDER FROM x)`,
    )
    expect(male).toBeGreaterThan(0.84)
    expect(male).toBeLessThan(0.92)
    expect(
      await n(`SELECT count(*) FROM x WHERE (RACE_CODE, RACE_DESCR) NOT IN (('W','WHITE'),('H','HISPANIC'),('B','BLACK'),
        ('A','OTHER ASIAN'),('C','CHINESE'),('F','FILIPINO'),('V','VIETNAMESE'),('K','KOREAN'),('J','JAPANESE'),
        ('Z','ASIAN INDIAN'),('I','AMERICAN INDIAN'),('P','PACIFIC ISLANDER'),('O','OTHER'),('X','UNKNOWN'))`),
    ).toBe(0)
    expect(
      await n(
        `SELECT count(DISTINCT SUBJECT_ID) FROM x WHERE PRI_DOB IS NOT NULL AND try_strptime(PRI_DOB, '%Y%m%d') IS NULL`,
      ),
    ).toBeGreaterThan(10)
    expect(await n(`SELECT count(DISTINCT SUBJECT_ID) FROM x WHERE PRI_DOB IS NULL`)).toBeGreaterThan(5)
    // CYC_AGE stays right even where the DOB is unusable
    expect(
      await n(`SELECT count(*) FROM x WHERE try_strptime(PRI_DOB, '%Y%m%d') IS NOT NULL
        AND CAST(CYC_AGE AS INTEGER) <> date_sub('year', strptime(PRI_DOB, '%Y%m%d'), strptime(CYC_DATE, '%Y%m%d'))`),
    ).toBe(0)
  })

  it('moves race shares with the disparity knob', async () => {
    const blackShare = (r: GenerateResult) =>
      n(`SELECT avg(CASE WHEN RACE_CODE = 'B' THEN 1 ELSE 0 END) FROM (SELECT DISTINCT SUBJECT_ID, RACE_CODE
         FROM read_csv('${r.out}', header = true, columns = ${duckdbReadColumns()}, all_varchar = true))`)
    const low = await blackShare(runs.d1)
    const high = await blackShare(runs.d12)
    const dflt = await n(
      `SELECT avg(CASE WHEN RACE_CODE = 'B' THEN 1 ELSE 0 END) FROM (SELECT DISTINCT SUBJECT_ID, RACE_CODE FROM x)`,
    )
    expect(DEFAULT_DISPARITY).toBe(6)
    // Black adults are ~6% of the 2020 adult population: share ~6% at 1x, ~26% at 6x, ~40% at 12x
    expect(low).toBeLessThan(0.1)
    expect(dflt).toBeGreaterThan(0.2)
    expect(dflt).toBeLessThan(0.33)
    expect(high).toBeGreaterThan(dflt + 0.08)
  })
})

describe('cannabis offenses', () => {
  const cannabis = `OFFENSE_CODE IN (SELECT cjis_code FROM codes)`

  it('uses the CJIS code valid on the offense date, so the subsection meaning fits the date', async () => {
    expect(
      await n(`SELECT count(*) FROM x JOIN codes c ON c.cjis_code = x.OFFENSE_CODE
        WHERE strptime(x.CYC_DATE, '%Y%m%d') < CAST(coalesce(c.valid_from, '1900-01-01') AS DATE)
           OR strptime(x.CYC_DATE, '%Y%m%d') > CAST(coalesce(c.valid_to, '9999-12-31') AS DATE)`),
    ).toBe(0)
    // the statute in the text agrees with the code
    expect(
      await n(`SELECT count(*) FROM x JOIN codes c ON c.cjis_code = x.OFFENSE_CODE
        WHERE upper(replace(trim(split_part(OFFENSE_DESCR, '-', 1)), ' ', '')) <> replace(split_part(c.statute, ' ', 2) || split_part(c.statute, ' ', 1), ' ', '')`),
    ).toBe(0)
  })

  it('has pre-AUMA and post-AUMA subsections, 11357 without subsection, 11357.5 and 11361', async () => {
    for (const code of ['35127', '35215', '35125', '35179', '35183', '35417', '35180', '35209']) {
      expect(await n(`SELECT count(*) FROM x WHERE OFFENSE_CODE = '${code}'`), code).toBeGreaterThan(0)
    }
    expect(
      await n(
        `SELECT count(*) FROM x WHERE OFFENSE_CODE IN ('35451', '35447', '35436', '35431') AND CYC_DATE >= '20161109'`,
      ),
    ).toBeGreaterThan(0)
    expect(await n(`SELECT count(*) FROM x WHERE OFFENSE_CODE IN ('35226', '35227')`)).toBeGreaterThan(0)
    expect(await n(`SELECT count(*) FROM x WHERE OFFENSE_DESCR LIKE '11357.5%'`)).toBeGreaterThan(0)
    expect(await n(`SELECT count(*) FROM x WHERE OFFENSE_DESCR LIKE '11361 %'`)).toBeGreaterThan(0)
    expect(
      await n(`SELECT count(*) FROM x WHERE OFFENSE_CODE = '35209' AND CYC_DATE < '19760101'`),
    ).toBeGreaterThan(
      await n(`SELECT count(*) FROM x WHERE OFFENSE_CODE = '35209' AND CYC_DATE >= '19760101'`),
    )
  })

  it('makes felonies dominate 11358/11359/11360 convictions before 2016', async () => {
    const felony =
      await n(`SELECT avg(CASE WHEN coalesce(CONV_STAT_DESCR, CASE OFFENSE_TOC WHEN 'F' THEN 'FELONY' END) = 'FELONY' THEN 1 ELSE 0 END)
      FROM x WHERE OFFENSE_CODE IN ('35125', '35127', '35215') AND DISP_DESCR LIKE 'CONVICTED%'`)
    expect(felony).toBeGreaterThan(0.7)
  })

  it('carries related charges and other offenses in the same files', async () => {
    for (const s of [
      '11364 HS',
      '148(A)(1) PC',
      '11550(A) HS',
      '4060 BP',
      '647(F) PC',
      '23152(A) VC',
      '459 PC',
      '484(A) PC',
      '242 PC',
    ]) {
      expect(await n(`SELECT count(*) FROM x WHERE OFFENSE_DESCR LIKE '${s}-%'`), s).toBeGreaterThan(0)
    }
  })

  it('gives most people 1-3 cannabis counts and some repeated same-section felony convictions', async () => {
    const oneToThree = await n(`SELECT avg(CASE WHEN c BETWEEN 1 AND 3 THEN 1 ELSE 0 END) FROM (
      SELECT SUBJECT_ID, count(DISTINCT CNT_ORDER) FILTER (WHERE ${cannabis} AND STP_TYPE_DESCR = 'COURT ACTION') AS c FROM x GROUP BY 1)`)
    expect(oneToThree).toBeGreaterThan(0.6)
    expect(
      await n(`SELECT count(*) FROM (SELECT SUBJECT_ID, OFFENSE_CODE FROM x
        WHERE OFFENSE_CODE IN ('35127', '35215', '35125') AND DISP_DESCR LIKE 'CONVICTED%' AND coalesce(SENT_ORDER, '1') = '1'
        GROUP BY ALL HAVING count(DISTINCT CYC_ORDER) >= 3)`),
    ).toBeGreaterThan(0)
  })

  it('has attempt (664) and conspiracy (182) qualifiers on a few cannabis counts', async () => {
    expect(
      await n(`SELECT count(*) FROM x WHERE ${cannabis} AND trim(OFFENSE_QUAL_LST) = '664'`),
    ).toBeGreaterThan(0)
    expect(
      await n(`SELECT count(*) FROM x WHERE ${cannabis} AND trim(OFFENSE_QUAL_LST) = '182'`),
    ).toBeGreaterThan(0)
  })
})

describe('courts, dispositions and sentences', () => {
  it('writes convictions only on court rows, with DISP_DATE after the cycle date', async () => {
    expect(
      await n(
        `SELECT count(*) FROM x WHERE DISP_DESCR LIKE 'CONVICTED%' AND STP_TYPE_DESCR <> 'COURT ACTION'`,
      ),
    ).toBe(0)
    expect(
      await n(`SELECT count(*) FROM x WHERE STP_TYPE_DESCR = 'COURT ACTION' AND try_strptime(DISP_DATE, '%Y%m%d') IS NOT NULL
        AND (DISP_DATE < CYC_DATE OR DISP_DATE <> STP_EVENT_DATE)`),
    ).toBe(0)
    expect(await n(`SELECT count(*) FROM x WHERE CYC_DATE < '19700101' OR CYC_DATE > '20201231'`)).toBe(0)
    // a few impossible disposition dates for the review path
    expect(
      await n(
        `SELECT count(*) FROM x WHERE DISP_DATE IS NOT NULL AND try_strptime(DISP_DATE, '%Y%m%d') IS NULL`,
      ),
    ).toBeGreaterThan(0)
  })

  it('has non-convictions next to convictions', async () => {
    for (const d of [
      'DISMISSED/CHARGE DROPPED',
      'ACQUITTED',
      'DISMISSED-FURTHERANCE OF JUSTICE',
      'CONVICTED-JAIL',
      'CONVICTED-PROBATION',
      'CONVICTED-PRISON',
      'CONVICTED-FINE',
    ]) {
      expect(await n(`SELECT count(*) FROM x WHERE DISP_DESCR = '${d}'`), d).toBeGreaterThan(0)
    }
  })

  it('has blank conviction levels and PC 17(b) felony-charged misdemeanor convictions', async () => {
    expect(
      await n(`SELECT count(*) FROM x WHERE DISP_DESCR LIKE 'CONVICTED%' AND CONV_STAT_DESCR IS NULL`),
    ).toBeGreaterThan(100)
    expect(
      await n(
        `SELECT count(*) FROM x WHERE DISP_DESCR LIKE 'CONVICTED%' AND OFFENSE_TOC = 'F' AND CONV_STAT_DESCR = 'MISDEMEANOR'`,
      ),
    ).toBeGreaterThan(100)
    expect(
      await n(
        `SELECT count(*) FROM x WHERE CONV_STAT_DESCR IS NOT NULL AND DISP_DESCR NOT LIKE 'CONVICTED%'`,
      ),
    ).toBe(0)
  })

  it('shares one case number among the counts of a court case, and no more', async () => {
    expect(
      await n(
        `SELECT count(*) FROM (SELECT SUBJECT_ID, CNT_ORDER[1:6] FROM x WHERE STP_TYPE_DESCR = 'COURT ACTION' GROUP BY ALL HAVING count(DISTINCT FE_NUM_CRT_CASE) <> 1)`,
      ),
    ).toBe(0)
    expect(
      await n(
        `SELECT count(*) FROM (SELECT FE_NUM_CRT_CASE FROM x WHERE STP_TYPE_DESCR = 'COURT ACTION' GROUP BY 1 HAVING count(DISTINCT SUBJECT_ID || CNT_ORDER[1:6]) > 1)`,
      ),
    ).toBe(0)
  })

  it('writes several sentence parts for some counts, with numeric lengths and D/M/Y units', async () => {
    expect(
      await n(
        `SELECT count(*) FROM (SELECT SUBJECT_ID, CNT_ORDER FROM x WHERE SENT_ORDER IS NOT NULL GROUP BY ALL HAVING count(*) >= 2)`,
      ),
    ).toBeGreaterThan(100)
    expect(
      await n(`SELECT count(*) FROM x WHERE SENT_LOC_DESCR IN ('JAIL', 'PRISON', 'PROBATION')
        AND (try_cast(SENT_LENGTH AS INTEGER) IS NULL OR SENT_TIME_CODE NOT IN ('D', 'M', 'Y'))`),
    ).toBe(0)
    expect(
      await n(`SELECT count(*) FROM x WHERE SENT_ORDER IS NOT NULL AND DISP_DESCR NOT LIKE 'CONVICTED%'`),
    ).toBe(0)
  })

  it('has cannabis sentences still running in 2026, recent and older ones', async () => {
    const running = (from: string) =>
      n(`WITH s AS (
        SELECT SUBJECT_ID, CNT_ORDER, min(strptime(DISP_DATE, '%Y%m%d')) AS d,
          sum(CASE SENT_TIME_CODE WHEN 'D' THEN 1 WHEN 'M' THEN 30 WHEN 'Y' THEN 365 END * CAST(SENT_LENGTH AS INTEGER)) AS days
        FROM x WHERE OFFENSE_CODE IN (SELECT cjis_code FROM codes) AND DISP_DESCR LIKE 'CONVICTED%'
          AND try_strptime(DISP_DATE, '%Y%m%d') IS NOT NULL AND SENT_LENGTH IS NOT NULL GROUP BY ALL)
        SELECT count(*) FROM s WHERE d ${from} AND d + to_days(CAST(days AS INTEGER)) > DATE '2026-01-01'`)
    expect(await running(`>= DATE '2017-01-01'`)).toBeGreaterThan(0)
    expect(await running(`< DATE '2016-11-09'`)).toBeGreaterThan(0)
  })

  it('convicts some pre-AUMA cannabis offenses after 2016-11-09', async () => {
    expect(
      await n(`SELECT count(*) FROM x WHERE OFFENSE_CODE IN (SELECT cjis_code FROM codes WHERE valid_to = '2016-11-08')
        AND DISP_DESCR LIKE 'CONVICTED%' AND DISP_DATE >= '20161109'`),
    ).toBeGreaterThan(0)
  })
})

describe('text noise and CSV quoting', () => {
  it('moves a few charges to COMMENT_TEXT, some with commas and quotes', async () => {
    const see = await n(`SELECT count(*) FROM x WHERE OFFENSE_DESCR = 'SEE COMMENT FOR CHARGE'`)
    expect(see / big.rows).toBeGreaterThan(0.01)
    expect(see / big.rows).toBeLessThan(0.06)
    expect(
      await n(
        `SELECT count(*) FROM x WHERE OFFENSE_DESCR = 'SEE COMMENT FOR CHARGE' AND NOT regexp_matches(COMMENT_TEXT, '^\\d+(\\.\\d+)?(\\([A-Z0-9]+\\))* [A-Z]{2}-')`,
      ),
    ).toBe(0)
    expect(await n(`SELECT count(*) FROM x WHERE contains(COMMENT_TEXT, ',')`)).toBeGreaterThan(0)
    expect(await n(`SELECT count(*) FROM x WHERE contains(COMMENT_TEXT, '"AS CHARGED"')`)).toBeGreaterThan(0)
  })

  it('writes OFFENSE_DESCR with realistic spacing and case noise', async () => {
    expect(
      await n(
        `SELECT count(*) FROM x WHERE regexp_matches(OFFENSE_DESCR, '^\\d+(\\([A-Z0-9]+\\))*(HS|PC|VC|BP)-')`,
      ),
    ).toBeGreaterThan(0)
    expect(
      await n(`SELECT count(*) FROM x WHERE regexp_matches(OFFENSE_DESCR, '^\\d+\\([a-z]\\)')`),
    ).toBeGreaterThan(0)
    expect(
      await n(`SELECT count(*) FROM x WHERE OFFENSE_DESCR LIKE ' %' AND OFFENSE_DESCR LIKE '% '`),
    ).toBeGreaterThan(0)
    expect(
      await n(`SELECT count(*) FROM x WHERE OFFENSE_QUAL_LST IS NOT NULL AND trim(OFFENSE_QUAL_LST) = ''`),
    ).toBeGreaterThan(0)
  })
})

describe('registrations, deaths and super-strikes', () => {
  it('writes PC 290 registrations only after a registrable sex-offense conviction', async () => {
    expect(await n(`SELECT count(*) FROM x WHERE STP_TYPE_DESCR = 'REGISTRATION'`)).toBeGreaterThan(20)
    expect(
      await n(
        `SELECT count(*) FROM x WHERE STP_TYPE_DESCR = 'REGISTRATION' AND OFFENSE_DESCR <> '290 PC-REGISTRATION OF SEX OFFENDER'`,
      ),
    ).toBe(0)
    expect(
      await n(`SELECT count(*) FROM x r WHERE r.STP_TYPE_DESCR = 'REGISTRATION' AND NOT EXISTS (
        SELECT 1 FROM x c WHERE c.SUBJECT_ID = r.SUBJECT_ID AND c.CYC_ORDER = r.CYC_ORDER AND c.DISP_DESCR LIKE 'CONVICTED%'
          AND regexp_matches(${charge('c')}, '^(288\\(A\\)|261\\(A\\)\\(2\\)|286\\(C\\)|314\\(1\\)|647\\.6\\(A\\))'))`),
    ).toBe(0)
  })

  it('marks a small share of people DECEASED after all their other events', async () => {
    const dead = await n(`SELECT count(DISTINCT SUBJECT_ID) FROM x WHERE STP_TYPE_DESCR = 'DECEASED'`)
    expect(dead / 20_000).toBeGreaterThan(0.01)
    expect(dead / 20_000).toBeLessThan(0.04)
    expect(
      await n(
        `SELECT count(*) FROM x d JOIN x o USING (SUBJECT_ID) WHERE d.STP_TYPE_DESCR = 'DECEASED' AND o.STP_EVENT_DATE > d.STP_EVENT_DATE`,
      ),
    ).toBe(0)
  })

  it('has murder and attempted murder (664 on 187) convictions before and after cannabis convictions', async () => {
    const timing = await db.rows<{ before: number; after: number; attempts: number }>(`
      WITH ss AS (SELECT SUBJECT_ID, min(CYC_DATE) AS d, count(*) FILTER (WHERE trim(OFFENSE_QUAL_LST) = '664') AS att FROM x
                  WHERE regexp_matches(${charge('x')}, '^187') AND DISP_DESCR LIKE 'CONVICTED%' GROUP BY 1),
      cn AS (SELECT SUBJECT_ID, min(CYC_DATE) AS d FROM x WHERE OFFENSE_CODE IN (SELECT cjis_code FROM codes) AND DISP_DESCR LIKE 'CONVICTED%' GROUP BY 1)
      SELECT CAST(count(*) FILTER (WHERE ss.d < cn.d) AS INTEGER) AS before, CAST(count(*) FILTER (WHERE ss.d > cn.d) AS INTEGER) AS after,
        CAST(sum(att) AS INTEGER) AS attempts
      FROM ss JOIN cn USING (SUBJECT_ID)`)
    expect(timing[0]!.before).toBeGreaterThan(0)
    expect(timing[0]!.after).toBeGreaterThan(0)
    expect(timing[0]!.attempts).toBeGreaterThan(0)
    expect(
      await n(
        `SELECT count(*) FROM x WHERE OFFENSE_DESCR LIKE '288(A) PC-%' AND DISP_DESCR LIKE 'CONVICTED%'`,
      ),
    ).toBeGreaterThan(0)
  })
})
