import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { runModel, type Cell } from '../../helpers/model-fixture.ts'
import { countDeterminations, countRow } from '../../helpers/count-determinations-fixture.ts'
import { mart_motion_cases } from '../../../sql/marts/mart_motion_cases.ts'
import type { MotionCaseRow } from '../../../data-contracts/outputs/motion-cases.contract.ts'
import { DETERMINATIONS, REMEDIES } from '../../../data-contracts/determinations.ts'

interface Fixture {
  counts: Record<string, Cell>[]
  /** (subject_id, cnt_order) -> arrest cycle; a count not listed has no int_convictions row. */
  cycles?: { subject_id: string; cnt_order: string; cyc_order: string }[]
  people?: { subject_id: string; name: string; names: string[]; dob: string; cii_number: string }[]
}

async function motionCases(f: Fixture): Promise<MotionCaseRow[]> {
  const run = await runModel(mart_motion_cases, {
    count_determinations: countDeterminations(f.counts),
    int_convictions: {
      columns: { subject_id: 'varchar', cnt_order: 'varchar', cyc_order: 'varchar' },
      rows: f.cycles ?? [],
    },
    int_subjects: {
      columns: {
        subject_id: 'varchar',
        name: 'varchar',
        names: 'varchar[]',
        dob: 'date',
        cii_number: 'varchar',
      },
      rows: (f.people ?? []).map((p) => ({
        ...p,
        names: { sql: `[${p.names.map((n) => `'${n.replaceAll("'", "''")}'`).join(', ')}]` },
      })),
    },
  })
  const rows = await run.rows<MotionCaseRow>('motion_order')
  run.close()
  return rows
}

const ALAMEDA = { county: 'ALAMEDA', court: 'ALAMEDA SUPERIOR' }
const dismiss = { determination: 'dismiss', remedy: 'dismiss_and_seal', layer: 'statute' }
const redesignate = (level: string) => ({
  determination: 'reduce',
  remedy: 'redesignate',
  reduced_level: level,
  rule_id: 'P64-REDUCE-01',
  reason: 'r2',
})

describe('mart_motion_cases', () => {
  it('one court case splits into one row per schedule, reduced level, layer and related charge, in schedule order', async () => {
    const a = { subject_id: 'A', case_number: 'C1', conviction_date: '2015-06-01', ...ALAMEDA }
    const rows = await motionCases({
      counts: [
        countRow({
          ...a,
          cnt_order: '001',
          code_section: 'HS 11357(B)',
          ...dismiss,
          rule_id: 'P64-DISMISS-01',
          reason: 'r1',
        }),
        countRow({
          ...a,
          cnt_order: '009',
          code_section: 'HS 11360(A)',
          ...dismiss,
          rule_id: 'P64-DISMISS-02',
          reason: 'a reason',
        }),
        countRow({
          ...a,
          cnt_order: '003',
          code_section: 'HS 11359',
          ...redesignate('misdemeanor'),
          conviction_date: '2015-07-01',
        }),
        countRow({ ...a, cnt_order: '002', code_section: 'HS 11359', ...redesignate('misdemeanor') }),
        countRow({ ...a, cnt_order: '004', code_section: 'HS 11360(A)', ...redesignate('infraction') }),
        countRow({
          ...a,
          cnt_order: '005',
          code_section: 'PC 148',
          ...dismiss,
          layer: 'policy',
          rule_id: 'DA-REL-01',
          is_related: true,
        }),
        countRow({
          ...a,
          cnt_order: '006',
          code_section: 'HS 11358',
          ...dismiss,
          layer: 'policy',
          rule_id: 'DA-DISMISS-01',
        }),
        countRow({
          ...a,
          cnt_order: '007',
          code_section: 'HS 11359',
          determination: 'not_eligible',
          remedy: 'not_eligible',
          rule_id: 'P64-DQ-01',
        }),
        countRow({
          ...a,
          cnt_order: '008',
          code_section: 'HS 11357(A)',
          determination: 'review',
          remedy: 'review',
          rule_id: 'P64-REVIEW-02',
        }),
      ],
      people: [
        {
          subject_id: 'A',
          name: 'SMITH,JOHN',
          names: ['SMITH,JOHN', 'SMYTH,JON'],
          dob: '1985-02-03',
          cii_number: '12345678',
        },
      ],
    })
    expect(
      rows.map((r) => [
        r.motion_order,
        r.remedy,
        r.determination,
        r.reduced_level,
        r.layer,
        r.is_related,
        r.count_orders,
      ]),
    ).toEqual([
      [1, 'dismiss_and_seal', 'dismiss', null, 'policy', false, '006'],
      [2, 'dismiss_and_seal', 'dismiss', null, 'statute', false, '001; 009'],
      [3, 'dismiss_and_seal', 'dismiss', null, 'policy', true, '005'],
      [4, 'redesignate', 'reduce', 'infraction', 'statute', false, '004'],
      [5, 'redesignate', 'reduce', 'misdemeanor', 'statute', false, '002; 003'],
      [6, 'review', 'review', null, 'statute', false, '008'],
      [7, 'not_eligible', 'not_eligible', null, 'statute', false, '007'],
    ])
    expect(rows[1]).toEqual({
      county: 'ALAMEDA',
      court: 'ALAMEDA SUPERIOR',
      remedy: 'dismiss_and_seal',
      determination: 'dismiss',
      reduced_level: null,
      layer: 'statute',
      is_related: false,
      case_number: 'C1',
      subject_id: 'A',
      name: 'SMITH,JOHN',
      aka: 'SMYTH,JON',
      dob: '1985-02-03',
      cii_number: '12345678',
      conviction_date: '2015-06-01',
      code_sections: 'HS 11357(B); HS 11360(A)',
      counts: 2,
      count_orders: '001; 009',
      rule_ids: 'P64-DISMISS-01; P64-DISMISS-02',
      reason: 'a reason | r1',
      motion_order: 2,
    })
    // Two counts of one section: the section once, with its number; two dates of one case: both.
    expect(rows[4]).toMatchObject({
      code_sections: 'HS 11359 x2',
      counts: 2,
      conviction_date: '2015-06-01; 2015-07-01',
      rule_ids: 'P64-REDUCE-01',
      reason: 'r2',
    })
  })

  it('a case with no number: the counts of one arrest cycle and conviction date are one case; others stand alone', async () => {
    const b = { subject_id: 'B', case_number: null, ...ALAMEDA, ...dismiss }
    const rows = await motionCases({
      counts: [
        countRow({ ...b, cnt_order: '001', conviction_date: '2014-01-01' }),
        countRow({ ...b, cnt_order: '002', conviction_date: '2014-01-01' }),
        countRow({ ...b, cnt_order: '003', conviction_date: '2014-03-01' }),
        countRow({ ...b, cnt_order: '004', conviction_date: '2014-01-01' }),
        // No int_convictions row (no cycle known): each such count is its own case.
        countRow({ ...b, cnt_order: '005', conviction_date: '2014-01-01' }),
        countRow({ ...b, cnt_order: '006', conviction_date: '2014-01-01' }),
        // Another person, same cycle name and date: subject_id is part of the case, never merged with B's.
        countRow({
          ...ALAMEDA,
          ...dismiss,
          subject_id: 'C',
          case_number: null,
          cnt_order: '001',
          conviction_date: '2014-01-01',
        }),
      ],
      cycles: [
        { subject_id: 'B', cnt_order: '001', cyc_order: 'CYC1' },
        { subject_id: 'B', cnt_order: '002', cyc_order: 'CYC1' },
        { subject_id: 'B', cnt_order: '003', cyc_order: 'CYC1' },
        { subject_id: 'B', cnt_order: '004', cyc_order: 'CYC2' },
        { subject_id: 'C', cnt_order: '001', cyc_order: 'CYC1' },
      ],
    })
    expect(rows.map((r) => [r.subject_id, r.case_number, r.conviction_date, r.count_orders])).toEqual([
      ['B', null, '2014-01-01', '005'],
      ['B', null, '2014-01-01', '006'],
      ['B', null, '2014-01-01', '001; 002'],
      ['B', null, '2014-01-01', '004'],
      ['B', null, '2014-03-01', '003'],
      ['C', null, '2014-01-01', '001'],
    ])
    // A person with no int_subjects row: no identity, an empty aka (never the text 'null').
    expect(rows[0]).toMatchObject({ name: null, aka: '', dob: null, cii_number: null })
  })

  it('two people with the same case number are two cases; one case number in two courts is two rows', async () => {
    const rows = await motionCases({
      counts: [
        countRow({ ...ALAMEDA, ...dismiss, subject_id: 'B', case_number: 'SAME', cnt_order: '001' }),
        countRow({ ...ALAMEDA, ...dismiss, subject_id: 'A', case_number: 'SAME', cnt_order: '001' }),
        countRow({
          ...dismiss,
          county: 'ALAMEDA',
          court: 'OAKLAND',
          subject_id: 'A',
          case_number: 'SAME',
          cnt_order: '002',
        }),
      ],
    })
    expect(rows.map((r) => [r.court, r.subject_id, r.case_number, r.counts])).toEqual([
      ['ALAMEDA SUPERIOR', 'A', 'SAME', 1],
      ['ALAMEDA SUPERIOR', 'B', 'SAME', 1],
      ['OAKLAND', 'A', 'SAME', 1],
    ])
  })

  it('motion order: county, court (unknown last), then the schedule order of the remedies (not alphabetical), then case', async () => {
    const rows = await motionCases({
      counts: [
        countRow({ county: null, court: null, ...dismiss, case_number: 'N1', subject_id: 'N' }),
        countRow({
          county: 'FRESNO',
          court: 'FRESNO SUPERIOR',
          ...dismiss,
          case_number: 'F1',
          subject_id: 'F',
        }),
        countRow({
          ...ALAMEDA,
          determination: 'reduce',
          remedy: 'recall_and_resentence',
          case_number: 'A1',
          subject_id: 'X',
        }),
        countRow({ ...ALAMEDA, ...redesignate('misdemeanor'), case_number: 'A9', subject_id: 'Y' }),
        countRow({ ...ALAMEDA, ...redesignate('misdemeanor'), case_number: 'A2', subject_id: 'Z' }),
        countRow({ county: 'ALAMEDA', court: null, ...dismiss, case_number: 'A0', subject_id: 'W' }),
        // A remedy only a policy names comes after every known schedule.
        countRow({
          ...ALAMEDA,
          determination: 'dismiss',
          remedy: 'aaa_policy_track',
          case_number: 'A0',
          subject_id: 'V',
        }),
        countRow({
          county: 'ALAMEDA',
          court: 'ALAMEDA SUPERIOR',
          ...dismiss,
          case_number: null,
          subject_id: 'U',
        }),
        countRow({
          county: 'ALAMEDA',
          court: 'ALAMEDA SUPERIOR',
          ...dismiss,
          case_number: 'A5',
          subject_id: 'T',
        }),
      ],
    })
    expect(rows.map((r) => [r.county, r.court, r.remedy, r.case_number])).toEqual([
      ['ALAMEDA', 'ALAMEDA SUPERIOR', 'dismiss_and_seal', 'A5'],
      ['ALAMEDA', 'ALAMEDA SUPERIOR', 'dismiss_and_seal', null],
      ['ALAMEDA', 'ALAMEDA SUPERIOR', 'redesignate', 'A2'],
      ['ALAMEDA', 'ALAMEDA SUPERIOR', 'redesignate', 'A9'],
      ['ALAMEDA', 'ALAMEDA SUPERIOR', 'recall_and_resentence', 'A1'],
      ['ALAMEDA', 'ALAMEDA SUPERIOR', 'aaa_policy_track', 'A0'],
      ['ALAMEDA', null, 'dismiss_and_seal', 'A0'],
      ['FRESNO', 'FRESNO SUPERIOR', 'dismiss_and_seal', 'F1'],
      [null, null, 'dismiss_and_seal', 'N1'],
    ])
    expect(rows.map((r) => r.motion_order)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9])
  })

  it('property: every count is on exactly one row, of its own schedule; one row per case and schedule; motion order 1..n', async () => {
    const count = fc.record({
      subject: fc.constantFrom('A', 'B', 'C'),
      caseNo: fc.constantFrom(null, 'K1', 'K2'),
      cycle: fc.constantFrom(null, 'CYC1', 'CYC2'),
      date: fc.constantFrom(null, '2012-01-01', '2013-01-01'),
      determination: fc.constantFrom(...DETERMINATIONS),
      remedy: fc.constantFrom(...REMEDIES),
      level: fc.constantFrom(null, 'misdemeanor', 'infraction'),
      layer: fc.constantFrom('statute', 'policy'),
      related: fc.boolean(),
    })
    await fc.assert(
      fc.asyncProperty(fc.array(count, { maxLength: 14 }), async (spec) => {
        const counts = spec.map((c, i) =>
          countRow({
            subject_id: c.subject,
            cnt_order: String(i).padStart(3, '0'),
            // One case number belongs to one court, as in the extract.
            county: c.caseNo === 'K2' ? 'FRESNO' : 'ALAMEDA',
            court: c.caseNo === 'K2' ? 'FRESNO SUPERIOR' : 'ALAMEDA SUPERIOR',
            case_number: c.caseNo,
            conviction_date: c.date,
            determination: c.determination,
            remedy: c.remedy,
            reduced_level: c.level,
            layer: c.layer,
            is_related: c.related,
          }),
        )
        const cycles = spec.flatMap((c, i) =>
          c.cycle
            ? [{ subject_id: c.subject, cnt_order: String(i).padStart(3, '0'), cyc_order: c.cycle }]
            : [],
        )
        const rows = await motionCases({ counts, cycles })
        expect(rows.reduce((s, r) => s + r.counts, 0)).toBe(counts.length)
        const onRow = new Map<string, MotionCaseRow[]>()
        for (const r of rows)
          for (const o of r.count_orders.split('; '))
            onRow.set(`${r.subject_id}|${o}`, [...(onRow.get(`${r.subject_id}|${o}`) ?? []), r])
        for (const c of counts) {
          const found = onRow.get(`${String(c.subject_id)}|${String(c.cnt_order)}`) ?? []
          expect(found).toHaveLength(1)
          expect(found[0]).toMatchObject({
            remedy: c.remedy,
            determination: c.determination,
            reduced_level: c.reduced_level,
            layer: c.layer,
            is_related: c.is_related,
            case_number: c.case_number,
          })
        }
        const numbered = rows.filter((r) => r.case_number !== null)
        const key = (r: MotionCaseRow) =>
          [
            r.subject_id,
            r.case_number,
            r.remedy,
            r.determination,
            r.reduced_level,
            r.layer,
            r.is_related,
          ].join('|')
        expect(new Set(numbered.map(key)).size).toBe(numbered.length)
        expect(rows.map((r) => r.motion_order)).toEqual(rows.map((_, i) => i + 1))
      }),
      { numRuns: 15 },
    )
  })
})
