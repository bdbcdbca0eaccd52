/**
 * int_subjects: one row per person. Identity is the most frequent value on their lines (the value itself when
 * every line agrees); names lists every name seen; record-wide facts: DOB status, death, PC 290 registration.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { runOverExtract } from '../../helpers/doj-extract-run.ts'
import { conviction, dojRow } from '../../helpers/doj-fixture.ts'
import type { DojRow } from '../../../data-contracts/doj-extract.contract.ts'
import { int_subjects } from '../../../sql/intermediate/int_subjects.ts'

type Row = Record<string, unknown>

async function subjects(lines: readonly DojRow[]): Promise<Row[]> {
  const run = await runOverExtract(int_subjects, lines)
  try {
    return await run.rows<Row>('subject_id')
  } finally {
    run.close()
  }
}

/** A line of person `id` that is no conviction (an arrest), with identity fields overridden. */
const line = (id: string, over: Partial<DojRow> = {}) =>
  dojRow({
    SUBJECT_ID: id,
    PRI_NAME: 'DOE,JANE',
    PRI_DOB: '19600101',
    GENDER: 'F',
    RACE_CODE: 'W',
    CII_NUMBER: 'A1',
    STP_TYPE_DESCR: 'ARREST/DETAINED',
    OFFENSE_DESCR: '459 PC-BURGLARY',
    ...over,
  })

const day = (v: unknown) => (v === null || v === undefined ? null : String(v).slice(0, 10))

describe('int_subjects', () => {
  it('one row per subject_id; lines without one name nobody', async () => {
    const rows = await subjects([line('S1'), line('S1'), line('S2'), line('')])
    expect(rows.map((r) => r.subject_id)).toEqual(['S1', 'S2'])
  })

  it('identity: the value when every line agrees', async () => {
    const [row] = await subjects([line('S1'), line('S1'), line('S1')])
    expect(row).toMatchObject({
      name: 'DOE,JANE',
      names: ['DOE,JANE'],
      cii_number: 'A1',
      gender: 'F',
      race_code: 'W',
      dob_status: 'ok',
    })
    expect(day(row!.dob)).toBe('1960-01-01')
  })

  it('identity: the most frequent value when lines disagree, not the smallest; names lists them all', async () => {
    const [row] = await subjects([
      line('S1', {
        PRI_NAME: 'SMITH,JANE',
        PRI_DOB: '19610202',
        GENDER: 'M',
        RACE_CODE: 'B',
        CII_NUMBER: 'A0',
      }),
      line('S1', { PRI_NAME: 'DOE,JANIE' }),
      line('S1'),
      line('S1'),
    ])
    expect(row).toMatchObject({
      name: 'DOE,JANE',
      names: ['DOE,JANE', 'DOE,JANIE', 'SMITH,JANE'],
      cii_number: 'A1',
      gender: 'F',
      race_code: 'W',
    })
    expect(day(row!.dob)).toBe('1960-01-01')
  })

  it('a blank value is no vote; a person with no name has an empty names list', async () => {
    const rows = await subjects([
      line('S1', { PRI_NAME: '' }),
      line('S1', { PRI_NAME: '' }),
      line('S1', { PRI_NAME: 'ROE,RITA' }),
      line('S2', { PRI_NAME: '  ' }),
    ])
    expect(rows.map((r) => [r.name, r.names])).toEqual([
      ['ROE,RITA', ['ROE,RITA']],
      [null, []],
    ])
  })

  it("dob_status: 'ok' when a line has a readable DOB, 'bad' when only unreadable ones, else 'missing'", async () => {
    const rows = await subjects([
      line('S1', { PRI_DOB: '19601340' }),
      line('S1', { PRI_DOB: '19600101' }),
      line('S2', { PRI_DOB: '19601340' }),
      line('S2', { PRI_DOB: '' }),
      line('S3', { PRI_DOB: '' }),
    ])
    expect(rows.map((r) => [r.dob_status, day(r.dob)])).toEqual([
      ['ok', '1960-01-01'],
      ['bad', null],
      ['missing', null],
    ])
  })

  it('deceased: true with the date of a DECEASED step, false (not null) without one', async () => {
    const rows = await subjects([
      line('S1'),
      line('S1', { STP_TYPE_DESCR: 'DECEASED', STP_EVENT_DATE: '20200505', OFFENSE_DESCR: '' }),
      line('S2'),
    ])
    expect(rows.map((r) => [r.deceased, day(r.deceased_date)])).toEqual([
      [true, '2020-05-05'],
      [false, null],
    ])
  })

  it('PC 290 registration: the first dated step, an undated one kept as such; another registration is not PC 290', async () => {
    const reg = (id: string, date: string, offense = '290 PC-REGISTER SEX OFFENDER') =>
      line(id, {
        STP_TYPE_DESCR: 'REGISTRATION',
        STP_EVENT_DATE: date,
        OFFENSE_DESCR: offense,
        CNT_ORDER: '002001001',
      })
    const rows = await subjects([
      reg('S1', '20100303'),
      reg('S1', '20080808'),
      reg('S2', ''),
      reg('S3', '20100303', '11590 HS-REGISTER NARCOTICS OFFENDER'),
      line('S4'),
      reg('S5', '20100303'),
      reg('S5', ''),
    ])
    expect(
      rows.map((r) => [
        r.subject_id,
        day(r.pc290_registration_date),
        r.pc290_registered,
        r.pc290_registration_undated,
      ]),
    ).toEqual([
      ['S1', '2008-08-08', true, false],
      ['S2', null, true, true],
      ['S3', null, false, false],
      ['S4', null, false, false],
      ['S5', '2010-03-03', true, true],
    ])
  })

  it('first_conviction_county: the county of a conviction, never of another step', async () => {
    const rows = await subjects([
      line('S1', { STP_ORI_CNTY_NAME: 'KERN' }),
      ...conviction({
        subject: 'S1',
        cnt: '001001001',
        offense: '11359 HS',
        convicted: '20150601',
        county: 'FRESNO',
      }),
      line('S2', { STP_ORI_CNTY_NAME: 'KERN' }),
    ])
    expect(rows.map((r) => r.first_conviction_county)).toEqual(['FRESNO', null])
  })

  it('first_conviction_county: the earliest conviction decides, not the alphabet or the line order', async () => {
    const rows = await subjects([
      // S1 was convicted in YOLO in 2009, then in ALAMEDA in 2015: YOLO (alphabetically last) is the first.
      ...conviction({
        subject: 'S1',
        cnt: '002001001',
        offense: '11359 HS',
        convicted: '20150601',
        county: 'ALAMEDA',
      }),
      ...conviction({
        subject: 'S1',
        cnt: '001001001',
        offense: '11359 HS',
        convicted: '20090301',
        county: 'YOLO',
      }),
      // S2: two convictions the same day; the county name breaks the tie, whatever the line order.
      ...conviction({
        subject: 'S2',
        cnt: '001001001',
        offense: '11359 HS',
        convicted: '20120101',
        county: 'KERN',
      }),
      ...conviction({
        subject: 'S2',
        cnt: '002001001',
        offense: '11359 HS',
        convicted: '20120101',
        county: 'FRESNO',
      }),
      // S3: an undated conviction comes after any dated one.
      ...conviction({
        subject: 'S3',
        cnt: '001001001',
        offense: '11359 HS',
        convicted: '',
        county: 'ALPINE',
      }),
      ...conviction({
        subject: 'S3',
        cnt: '002001001',
        offense: '11359 HS',
        convicted: '20200101',
        county: 'TEHAMA',
      }),
    ])
    expect(rows.map((r) => [r.subject_id, r.first_conviction_county])).toEqual([
      ['S1', 'YOLO'],
      ['S2', 'FRESNO'],
      ['S3', 'TEHAMA'],
    ])
  })

  it('property: the name is a most frequent one, and names is the sorted distinct list', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom('DOE,JANE', 'DOE,JANIE', 'ROE,RITA'), { minLength: 1, maxLength: 9 }),
        async (names) => {
          const [row] = await subjects(names.map((n) => line('S1', { PRI_NAME: n })))
          const freq = new Map<string, number>()
          for (const n of names) freq.set(n, (freq.get(n) ?? 0) + 1)
          const top = Math.max(...freq.values())
          expect(freq.get(row!.name as string)).toBe(top)
          expect(row!.names).toEqual([...freq.keys()].sort())
        },
      ),
      { numRuns: 8 },
    )
  })
})
