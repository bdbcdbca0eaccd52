/**
 * int_convictions: one row per convicted count (subject_id, cnt_order). A count's sentence parts (one DOJ line
 * each) are summed per unit into one sentence end; an identical part delivered twice counts once; the court
 * step's own fields come from the first part.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { runOverExtract } from '../../helpers/doj-extract-run.ts'
import { conviction, dojRow, type ConvictionSpec } from '../../helpers/doj-fixture.ts'
import type { DojRow } from '../../../data-contracts/doj-extract.contract.ts'
import { int_convictions } from '../../../sql/intermediate/int_convictions.ts'

type Row = Record<string, unknown>
type Part = { kind: string; length: string; unit: 'D' | 'M' | 'Y' }

async function convictions(lines: readonly DojRow[]): Promise<Row[]> {
  const run = await runOverExtract(int_convictions, lines)
  try {
    return await run.rows<Row>('subject_id, cnt_order')
  } finally {
    run.close()
  }
}

const count = (over: Partial<ConvictionSpec> = {}) =>
  conviction({
    subject: 'S1',
    cnt: '001001001',
    offense: '11359 HS-POSS MARIJ FOR SALE',
    convicted: '20150601',
    offenseDate: '20150101',
    ...over,
  })

const day = (v: unknown) => (v === null || v === undefined ? null : String(v).slice(0, 10))

describe('int_convictions', () => {
  it('one row per convicted (subject, count): other dispositions, and lines without a subject or count, are not convictions', async () => {
    const rows = await convictions([
      ...count({
        sentence: [
          { kind: 'JAIL', length: '30', unit: 'D' },
          { kind: 'PROBATION', length: '3', unit: 'Y' },
        ],
      }),
      ...count({ cnt: '001001002', disposition: 'CONVICTED-JAIL' }),
      ...count({ cnt: '001001003', disposition: 'DISMISSED' }),
      ...count({ subject: 'S2' }),
      ...count({ subject: '' }),
      ...count({ subject: 'S3', cnt: '' }),
      dojRow({
        SUBJECT_ID: 'S4',
        CNT_ORDER: '001001001',
        STP_TYPE_DESCR: 'ARREST/DETAINED',
        OFFENSE_DESCR: '11359 HS',
      }),
    ])
    expect(rows.map((r) => `${r.subject_id}/${r.cnt_order}`)).toEqual([
      'S1/001001001',
      'S1/001001002',
      'S2/001001001',
    ])
  })

  it('sentence parts are summed per unit into one sentence end from the conviction date', async () => {
    const [row] = await convictions(
      count({
        sentence: [
          { kind: 'JAIL', length: '90', unit: 'D' },
          { kind: 'PROBATION', length: '3', unit: 'Y' },
          { kind: 'JAIL', length: '6', unit: 'M' },
          { kind: 'JAIL', length: '10', unit: 'D' },
        ],
      }),
    )
    expect(row).toMatchObject({
      sentence_days: 100,
      sentence_months: 6,
      sentence_years: 3,
      sentence_parts_unreadable: '0',
    })
    // 2015-06-01 + 3 years + 6 months + 100 days
    expect(day(row!.sentence_end_date)).toBe('2019-03-11')
    expect(String(row!.sentence_text).split(' + ').sort()).toEqual([
      'JAIL 10 D',
      'JAIL 6 M',
      'JAIL 90 D',
      'PROBATION 3 Y',
    ])
  })

  it('fractional years become months; a part day rounds up', async () => {
    const rows = await convictions([
      ...count({ sentence: [{ kind: 'PRISON', length: '1.5', unit: 'Y' }] }),
      ...count({ cnt: '001001002', sentence: [{ kind: 'JAIL', length: '2.5', unit: 'D' }] }),
      ...count({
        cnt: '001001003',
        sentence: [
          { kind: 'PRISON', length: '0.25', unit: 'Y' },
          { kind: 'JAIL', length: '1.5', unit: 'M' },
        ],
      }),
    ])
    expect(rows.map((r) => day(r.sentence_end_date))).toEqual([
      '2016-12-01', // + 1 year + 6 months
      '2015-06-04', // + 3 days
      '2015-10-01', // + 3 months (0.25 y) + 1 month (floor of 1.5 m)
    ])
  })

  it('a part whose unit is not D, M or Y is counted unreadable and adds nothing', async () => {
    const lines = count({
      sentence: [
        { kind: 'JAIL', length: '10', unit: 'D' },
        { kind: 'PRISON', length: '99', unit: 'D' },
      ],
    })
    lines[1] = { ...lines[1]!, SENT_TIME_CODE: 'L' }
    const noLength = { ...lines[0]!, SENT_ORDER: '3', SENT_LENGTH: '', SENT_TIME_CODE: 'X' }
    const [row] = await convictions([...lines, noLength])
    expect(row).toMatchObject({ sentence_days: 10, sentence_parts_unreadable: '1' })
    expect(day(row!.sentence_end_date)).toBe('2015-06-11')
  })

  it('the same sentence part delivered twice counts once; two parts alike but for their order both count', async () => {
    const parts: Part[] = [{ kind: 'JAIL', length: '30', unit: 'D' }]
    const [once] = await convictions(count({ sentence: parts }))
    const [twice] = await convictions([...count({ sentence: parts }), ...count({ sentence: parts })])
    expect(twice!.sentence_days).toBe(30)
    expect(day(twice!.sentence_end_date)).toBe(day(once!.sentence_end_date))
    const [both] = await convictions(count({ sentence: [...parts, ...parts] }))
    expect(both!.sentence_days).toBe(60)
  })

  it('no sentence: zeros, and the sentence ends on the conviction date', async () => {
    const [row] = await convictions(count())
    expect(row).toMatchObject({
      sentence_days: 0,
      sentence_months: 0,
      sentence_years: 0,
      sentence_text: null,
    })
    expect(day(row!.sentence_end_date)).toBe('2015-06-01')
  })

  it("the court step's fields come from the first part; qualifier flags from any part", async () => {
    const lines = count({
      county: 'FRESNO',
      caseNumber: 'F-1',
      sentence: [
        { kind: 'JAIL', length: '10', unit: 'D' },
        { kind: 'JAIL', length: '20', unit: 'D' },
      ],
    })
    // The second part disagrees on the court step (as a corrupt line might) and carries a conspiracy qualifier.
    lines[1] = { ...lines[1]!, STP_ORI_CNTY_NAME: 'KERN', FE_NUM_CRT_CASE: 'K-9', OFFENSE_QUAL_LST: 'EB' }
    const [row] = await convictions([lines[1], lines[0]!])
    expect(row).toMatchObject({
      county: 'FRESNO',
      case_number: 'F-1',
      code_section: 'HS 11359',
      conviction_level: 'felony',
      is_conspiracy: true,
      is_attempt: false,
      qualifier_codes: ['EB:CONSPIRACY'],
    })
  })

  it('conviction date: the disposition date, else the step date, with its status; offense date: the cycle date', async () => {
    const [a, b, c] = await convictions([
      ...count({ subject: 'S1' }),
      { ...count({ subject: 'S2' })[0]!, DISP_DATE: '', STP_EVENT_DATE: '20150707' },
      { ...count({ subject: 'S3' })[0]!, DISP_DATE: '20151399', CYC_DATE: '' },
    ])
    expect([
      day(a!.conviction_date),
      a!.conviction_date_status,
      day(a!.offense_date),
      a!.offense_date_status,
    ]).toEqual(['2015-06-01', 'ok', '2015-01-01', 'ok'])
    expect([day(b!.conviction_date), b!.conviction_date_status]).toEqual(['2015-07-07', 'ok'])
    // An unreadable disposition date is 'bad' (the step date stands in for the value only).
    expect([
      day(c!.conviction_date),
      c!.conviction_date_status,
      c!.offense_date,
      c!.offense_date_status,
    ]).toEqual(['2015-06-01', 'bad', null, 'missing'])
  })

  it('offense and conviction after AUMA: on or after 2016-11-09', async () => {
    const rows = await convictions([
      ...count({ subject: 'S1', offenseDate: '20161108', convicted: '20161108' }),
      ...count({ subject: 'S2', offenseDate: '20161108', convicted: '20161109' }),
      ...count({ subject: 'S3', offenseDate: '20161109', convicted: '20170101' }),
      ...count({ subject: 'S4', offenseDate: '', convicted: '20170101' }),
    ])
    expect(rows.map((r) => [r.offense_after_auma, r.conviction_after_auma])).toEqual([
      [false, false],
      [false, true],
      [true, true],
      [null, true],
    ])
  })

  it('property: one row per distinct convicted (subject, count); sentence days unchanged by a line delivered twice', async () => {
    const spec = fc.record({
      subject: fc.constantFrom('A', 'B', 'C'),
      cnt: fc.constantFrom('001001001', '001001002', '002001001'),
      parts: fc.array(fc.integer({ min: 1, max: 400 }), { maxLength: 3 }),
    })
    await fc.assert(
      fc.asyncProperty(
        fc.array(spec, { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 4 }),
        async (specs, dupes) => {
          // Each spec is its own sentence parts (orders 1.. per spec), so two specs of one count with equal parts
          // are the same parts delivered twice.
          const lines = specs.flatMap((s) =>
            count({
              subject: s.subject,
              cnt: s.cnt,
              sentence: s.parts.map((d) => ({ kind: 'JAIL', length: String(d), unit: 'D' as const })),
            }),
          )
          const expected = new Map<string, Set<string>>()
          for (const s of specs) {
            const parts = expected.get(`${s.subject}/${s.cnt}`) ?? new Set<string>()
            s.parts.forEach((d, i) => parts.add(`${i + 1}:${d}`))
            expected.set(`${s.subject}/${s.cnt}`, parts)
          }
          const days = (parts: Set<string>) => [...parts].reduce((n, p) => n + Number(p.split(':')[1]), 0)
          const want = [...expected.entries()]
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([k, p]) => [k, days(p)])

          const rows = await convictions(lines)
          expect(rows.map((r) => [`${r.subject_id}/${r.cnt_order}`, r.sentence_days])).toEqual(want)
          const again = await convictions([...lines, ...dupes.map((i) => lines[i % lines.length]!)])
          expect(again.map((r) => [`${r.subject_id}/${r.cnt_order}`, r.sentence_days])).toEqual(want)
        },
      ),
      { numRuns: 6 },
    )
  })

  it('a statewide-size input builds it in hash buckets of people, with the same rows (the first part found by its rowid in each bucket)', async () => {
    // 15 (subject, count) pairs; the last 5 lines add parts to the first 5 counts.
    const lines = Array.from({ length: 20 }, (_, i) =>
      count({
        subject: `S${i % 5}`,
        cnt: `00${(i % 3) + 1}001001`,
        offense: ((i % 5) + (i % 3)) % 2 ? '11357(B) HS-POSSESS' : '211 PC-ROBBERY',
        sentence: [
          { kind: 'PROBATION', length: String((i % 4) + 1), unit: 'Y' },
          { kind: 'JAIL', length: String(10 * i + 5), unit: 'D' },
        ],
      }),
    ).flat()
    const built: Row[][] = []
    for (const largeInput of [false, true]) {
      const run = await runOverExtract(int_convictions, lines, { ctx: { largeInput } })
      try {
        built.push(await run.rows<Row>('subject_id, cnt_order'))
      } finally {
        run.close()
      }
    }
    expect(built[0]!.length).toBe(15)
    expect(built[1]).toEqual(built[0])
    expect(built[0]!.find((r) => r.subject_id === 'S0' && r.cnt_order === '001001001')).toMatchObject({
      sentence_text: 'JAIL 155 D + JAIL 5 D + PROBATION 1 Y + PROBATION 4 Y',
      sentence_days: 160,
      code_section: 'PC 211',
    })
  })
})
