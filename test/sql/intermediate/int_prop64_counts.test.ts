/**
 * int_prop64_counts: one row per in-scope Prop 64 conviction count with every fact a rule reads: scope (the
 * sections HS 11361.8 names, and a PC 32 accessory tied to a Prop 64 offense), which law the charge was brought
 * under, the offense era, the age at the offense, same-section priors per conviction event, disqualifiers before
 * the offense, and the history's gaps. Upstream tables are hand-made; ref_offense_codes and run_params are the real
 * seeds (as-of 2026-01-01).
 */
import { int_prop64_charges } from '../../../sql/intermediate/int_prop64_charges.ts'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { runModel, type Cell } from '../../helpers/model-fixture.ts'
import { chargeLineTables, type ChargeLine } from '../../helpers/charge-lines-fixture.ts'
import {
  INT_CONVICTIONS_COLUMNS,
  INT_DISQUALIFIER_EVENTS_COLUMNS,
  INT_SUBJECTS_COLUMNS,
  dojConviction,
  dojSubject,
} from '../../helpers/court-model-fixture.ts'
import { int_prop64_counts } from '../../../sql/intermediate/int_prop64_counts.ts'
import { run_params } from '../../../sql/seeds/run_params.ts'
import { ref_offense_codes } from '../../../sql/seeds/reference_tables.ts'

type Row = Record<string, unknown>
type Rows = Record<string, Cell>[]

interface Upstream {
  subjects?: Rows
  events?: Rows
  /** stg_doj_rows: every charge line (subject_id, cyc_order, cnt_order, code_type, section, …). */
  lines?: ChargeLine[]
  incomplete?: Rows
}

async function counts(convictions: Rows, up: Upstream = {}): Promise<Row[]> {
  // Every person with a conviction has an int_subjects row (the model joins them).
  const ids = [...new Set(convictions.map((c) => c.subject_id as string))]
  const subjects = up.subjects ?? ids.map((id) => dojSubject({ subject_id: id }))
  const run = await runModel(
    int_prop64_counts,
    {
      int_convictions: { columns: INT_CONVICTIONS_COLUMNS, rows: convictions },
      int_subjects: { columns: INT_SUBJECTS_COLUMNS, rows: subjects },
      int_disqualifier_events: { columns: INT_DISQUALIFIER_EVENTS_COLUMNS, rows: up.events ?? [] },
      ...chargeLineTables(up.lines ?? []),
      int_incomplete_histories: {
        columns: { subject_id: 'varchar', rejected_line_refs: 'varchar' },
        rows: up.incomplete ?? [],
      },
    },
    // The cycles come through int_prop64_charges, built here from the charge lines.
    { seeds: [run_params, ref_offense_codes], also: [int_prop64_charges] },
  )
  try {
    return await run.rows<Row>('subject_id, cnt_order')
  } finally {
    run.close()
  }
}

/** A conviction of D1 under `codeSection` ('HS 11359', 'HS 11360(A)(2)', 'PC 32'), convicted 2005, offense 2005. */
function conv(codeSection: string, over: Record<string, Cell> = {}): Record<string, Cell> {
  const m = /^(\w+) ([\d.]+)(?:\((\w+)\).*)?$/.exec(codeSection)!
  return dojConviction({
    code_type: m[1],
    section: m[2],
    subsection: m[3] ?? null,
    base_section: `${m[1]} ${m[2]}`,
    code_section: codeSection,
    ...over,
  })
}

let nextCnt = 0
/** A conviction event of its own: cycle n, its first count. */
const cnt = (cycle: number, count = 1) => {
  nextCnt += 1
  return `${String(cycle).padStart(3, '0')}001${String(count).padStart(3, '0')}${String(nextCnt).padStart(3, '0')}`
}

const keys = (rows: Row[]) => rows.map((r) => `${r.subject_id}/${r.code_section}`)

describe('int_prop64_counts', () => {
  it('scope: the sections HS 11361.8 names, by the convicted offense; nothing else', async () => {
    const sections = [
      'HS 11357(B)',
      'HS 11358',
      'HS 11359',
      'HS 11360(A)',
      'HS 11362.1',
      'HS 11362.2',
      'HS 11362.3',
      'HS 11362.4',
      'HS 11357.5',
      'HS 11361',
      'HS 11350',
      'PC 459',
    ]
    const rows = await counts(
      sections.map((s, i) => conv(s, { subject_id: `S${String(i).padStart(2, '0')}` })),
    )
    expect(rows.map((r) => r.code_section)).toEqual(sections.slice(0, 8))
    // Grain: one row per (subject_id, cnt_order).
    expect(new Set(rows.map((r) => `${r.subject_id}/${r.cnt_order}`)).size).toBe(rows.length)
  })

  it('a PC 32 accessory is in scope when tied to a Prop 64 offense: by its charge text, its charge, or its cycle', async () => {
    const rows = await counts(
      [
        conv('PC 32', { subject_id: 'A1', charge_text: '32 PC-ACCESSORY TO 11359 HS' }),
        conv('PC 32', {
          subject_id: 'A2',
          charge_text: '32 PC-ACCESSORY',
          charged_code_section: 'HS 11360(A)',
        }),
        conv('PC 32', {
          subject_id: 'A3',
          charge_text: '32 PC-ACCESSORY',
          cyc_order: '4',
          cnt_order: '004001002',
        }),
        // Cycle from CNT_ORDER's first three digits when CYC_ORDER is blank.
        conv('PC 32', {
          subject_id: 'A4',
          charge_text: '32 PC-ACCESSORY',
          cyc_order: null,
          cnt_order: '007001002',
        }),
        // Not tied: another cycle, another person's cycle, a non-Prop 64 charge.
        conv('PC 32', {
          subject_id: 'A5',
          charge_text: '32 PC-ACCESSORY',
          cyc_order: '2',
          cnt_order: '002001002',
        }),
        conv('PC 32', { subject_id: 'A6', charge_text: '32 PC-ACCESSORY TO 11350 HS', cyc_order: '9' }),
        // An accessory qualifier (CS) on a Prop 64 section is in scope as the section, flagged accessory.
        conv('HS 11359', { subject_id: 'A7', is_accessory: true }),
      ],
      {
        lines: [
          { subject_id: 'A3', cyc_order: '4', cnt_order: '004001001', code_type: 'HS', section: '11359' },
          { subject_id: 'A4', cyc_order: null, cnt_order: '007001001', code_type: 'HS', section: '11357' },
          { subject_id: 'A5', cyc_order: '1', cnt_order: '001001001', code_type: 'HS', section: '11358' },
          { subject_id: 'A9', cyc_order: '9', cnt_order: '009001001', code_type: 'HS', section: '11358' },
          { subject_id: 'A6', cyc_order: '9', cnt_order: '009001001', code_type: 'HS', section: '11350' },
        ],
      },
    )
    expect(rows.map((r) => [r.subject_id, r.is_accessory])).toEqual([
      ['A1', true],
      ['A2', true],
      ['A3', true],
      ['A4', true],
      ['A7', true],
    ])
  })

  it('which law: a CJIS code valid only from 2016-11-09, or a subsection only Prop 64 wrote, is the new law; contradictions flagged', async () => {
    const rows = await counts([
      conv('HS 11357(B)', {
        subject_id: 'L1',
        offense_code: '35431',
        offense_date: '2017-01-01',
        conviction_date: '2017-03-01',
      }),
      conv('HS 11358(C)', { subject_id: 'L2', offense_date: '2017-01-01', conviction_date: '2017-03-01' }),
      conv('HS 11358', { subject_id: 'L3', offense_code: '35125' }),
      // Old-law code on a post-Prop 64 offense; a Prop 64 subsection convicted before Prop 64 existed.
      conv('HS 11358', {
        subject_id: 'L4',
        offense_code: '35125',
        offense_date: '2017-01-01',
        conviction_date: '2017-03-01',
      }),
      conv('HS 11359(C)', { subject_id: 'L5', conviction_date: '2015-03-01', offense_date: '2015-01-01' }),
      conv('HS 11360(A)(2)', { subject_id: 'L6', offense_date: '2017-01-01', conviction_date: '2017-03-01' }),
    ])
    expect(
      rows.map((r) => [r.subject_id, r.charged_under_new_law, r.law_conflict, r.old_law_offense]),
    ).toEqual([
      ['L1', true, false, false],
      ['L2', true, false, false],
      ['L3', false, false, true],
      ['L4', false, true, false],
      ['L5', true, true, false],
      ['L6', true, false, false],
    ])
  })

  it('offense era: from the offense date; without one, the law the charge names, else the conviction date', async () => {
    const rows = await counts([
      conv('HS 11359', { subject_id: 'E1', offense_date: '2016-11-08', conviction_date: '2017-01-01' }),
      conv('HS 11359', { subject_id: 'E2', offense_date: '2016-11-09', conviction_date: '2017-01-01' }),
      conv('HS 11359(C)', { subject_id: 'E3', offense_date: null, conviction_date: '2017-01-01' }),
      conv('HS 11359', { subject_id: 'E4', offense_date: null, conviction_date: '2016-01-01' }),
      conv('HS 11358', {
        subject_id: 'E5',
        offense_date: null,
        conviction_date: '2017-01-01',
        offense_code: '35125',
      }),
      conv('HS 11359', { subject_id: 'E6', offense_date: null, conviction_date: '2017-01-01' }),
    ])
    expect(rows.map((r) => [r.subject_id, r.offense_era, String(r.eval_date).slice(0, 10)])).toEqual([
      ['E1', 'before', '2016-11-08'],
      ['E2', 'after', '2016-11-09'],
      ['E3', 'after', '2017-01-01'],
      ['E4', 'before', '2016-01-01'],
      ['E5', 'before', '2017-01-01'],
      ['E6', 'unknown', '2017-01-01'],
    ])
  })

  it('age at the offense: from the DOB; CYC_AGE where the DOB is missing or after the offense', async () => {
    const rows = await counts(
      [
        conv('HS 11359', { subject_id: 'G1', offense_date: '2005-01-01', cycle_age: 40 }),
        conv('HS 11359', { subject_id: 'G2', offense_date: '2005-01-01', cycle_age: 17 }),
        conv('HS 11359', { subject_id: 'G3', offense_date: '2005-01-01', cycle_age: 22 }),
        conv('HS 11359', { subject_id: 'G4', offense_date: '2005-01-01', cycle_age: null }),
      ],
      {
        subjects: [
          dojSubject({ subject_id: 'G1', dob: '1970-02-02' }),
          dojSubject({ subject_id: 'G2', dob: null, dob_status: 'missing' }),
          dojSubject({ subject_id: 'G3', dob: '2010-01-01' }),
          dojSubject({ subject_id: 'G4', dob: null, dob_status: 'bad' }),
        ],
      },
    )
    expect(rows.map((r) => [r.subject_id, r.age_at_offense, r.age_source])).toEqual([
      ['G1', '34', 'dob'],
      ['G2', '17', 'cyc_age'],
      ['G3', '22', 'cyc_age'],
      ['G4', null, null],
    ])
  })

  it('same-section priors: per conviction event, adult, convicted before the offense, not attempts or conspiracies', async () => {
    const at = (year: number, over: Record<string, Cell> = {}) =>
      conv('HS 11359', {
        cnt_order: cnt(year - 1990),
        conviction_date: `${year}-06-01`,
        offense_date: `${year}-01-01`,
        ...over,
      })
    const two = cnt(3)
    const rows = await counts([
      at(1993, { cnt_order: two }),
      // A second count of the same event (same cycle and court step): one prior event with the first.
      at(1993, { cnt_order: `${two.slice(0, 6)}002999` }),
      at(1996),
      at(1997, { is_attempt: true }),
      at(1998, { is_conspiracy: true }),
      // Convicted after the offense below: not a prior of it.
      at(2010, { offense_date: '2002-01-01', conviction_date: '2010-06-01' }),
      at(2005),
      // A different section is no same-section prior.
      conv('HS 11358', { cnt_order: cnt(1), conviction_date: '1991-06-01', offense_date: '1991-01-01' }),
    ])
    const row = rows.find((r) => String(r.offense_date).startsWith('2005'))!
    expect(row.same_section_priors).toBe('2')
    const first = rows.find((r) => String(r.offense_date).startsWith('1993'))!
    expect(first.same_section_priors).toBe('0')
    // HS 11357 counts have no prior tier: never counted.
    const [poss] = await counts([
      conv('HS 11357', { cnt_order: '001001001' }),
      conv('HS 11357', { cnt_order: '002001001', conviction_date: '2010-01-01', offense_date: '2010-01-01' }),
    ])
    expect(poss!.same_section_priors).toBe('0')
  })

  it('same-section priors: a juvenile prior does not count; an 11360(b) prior is not an 11360(a) prior', async () => {
    const rows = await counts(
      [
        conv('HS 11359', {
          cnt_order: '001001001',
          conviction_date: '1985-06-01',
          offense_date: '1985-01-01',
        }),
        conv('HS 11359', {
          cnt_order: '002001001',
          conviction_date: '1990-06-01',
          offense_date: '1990-01-01',
        }),
        conv('HS 11359', {
          cnt_order: '003001001',
          conviction_date: '2005-06-01',
          offense_date: '2005-01-01',
        }),
        conv('HS 11360(B)', {
          cnt_order: '004001001',
          conviction_date: '1991-06-01',
          offense_date: '1991-01-01',
        }),
        conv('HS 11360(A)', {
          cnt_order: '005001001',
          conviction_date: '1992-06-01',
          offense_date: '1992-01-01',
        }),
        conv('HS 11360(A)', {
          cnt_order: '006001001',
          conviction_date: '2006-06-01',
          offense_date: '2006-01-01',
        }),
      ],
      // Born 1970: 15 at the 1985 offense.
      { subjects: [dojSubject({ subject_id: 'D1', dob: '1970-02-02' })] },
    )
    expect(rows.map((r) => [r.cnt_order, r.same_section_priors])).toEqual([
      ['001001001', '0'],
      ['002001001', '0'],
      ['003001001', '1'],
      ['004001001', '0'],
      ['005001001', '0'],
      ['006001001', '1'],
    ])
  })

  it('disqualifiers listed only when they came before the offense', async () => {
    const rows = await counts(
      [
        conv('HS 11359', { cnt_order: '001001001', offense_date: '2005-01-01' }),
        conv('HS 11359', {
          cnt_order: '002001001',
          offense_date: '2015-01-01',
          conviction_date: '2015-06-01',
        }),
      ],
      {
        events: [
          {
            subject_id: 'D1',
            event_date: '2010-01-01',
            kind: 'superstrike',
            code_section: 'PC 187',
            citation: 'x',
          },
          {
            subject_id: 'D1',
            event_date: '2000-01-01',
            kind: 'pc290c',
            code_section: 'PC 288(A)',
            citation: 'x',
          },
          {
            subject_id: 'D1',
            event_date: '2000-01-01',
            kind: 'superstrike',
            code_section: 'PC 288(A)',
            citation: 'x',
          },
          {
            subject_id: 'D1',
            event_date: '2012-01-01',
            kind: 'pc290_registration',
            code_section: 'PC 290',
            citation: 'x',
          },
        ],
      },
    )
    expect(
      rows.map((r) => [
        r.prior_superstrike_sections,
        r.prior_superstrike,
        r.prior_pc290_sections,
        r.prior_pc290,
        r.prior_pc290_registration,
      ]),
    ).toEqual([
      [['PC 288(A)'], true, ['PC 288(A)'], true, false],
      [['PC 187', 'PC 288(A)'], true, ['PC 288(A)'], true, true],
    ])
    const [clean] = await counts([conv('HS 11359')])
    expect(clean).toMatchObject({
      prior_superstrike_sections: [],
      prior_superstrike: false,
      prior_pc290_sections: [],
      prior_pc290: false,
      prior_pc290_registration: false,
      pc290_registration_unexplained: false,
    })
  })

  it('a PC 290 registration is unexplained unless a registrable conviction no later than it is on record', async () => {
    const registered = (id: string, date: string | null) =>
      dojSubject({
        subject_id: id,
        pc290_registered: true,
        pc290_registration_date: date,
        pc290_registration_undated: date === null,
      })
    const event = (id: string, kind: string, date: string) => ({
      subject_id: id,
      event_date: date,
      kind,
      code_section: 'PC 314(1)',
      citation: 'x',
    })
    const ids = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6']
    const rows = await counts(
      ids.map((id) => conv('HS 11359', { subject_id: id, offense_date: '2005-01-01' })),
      {
        subjects: [
          registered('R1', '2010-01-01'),
          registered('R2', '2010-01-01'),
          registered('R3', '2010-01-01'),
          registered('R4', null),
          registered('R5', '2000-01-01'),
          dojSubject({ subject_id: 'R6' }),
        ],
        events: [
          // R2: a court-ordered registration before the step explains it.
          event('R2', 'court_ordered_registration', '2009-01-01'),
          // R3: a 290(c) conviction only after the registration does not.
          event('R3', 'pc290c', '2011-01-01'),
          // R4: every registration undated: any registrable conviction explains it.
          event('R4', 'pc290c', '2011-01-01'),
          // R5: a 290(c) conviction after the registration but before the offense decides anyway.
          event('R5', 'pc290c', '2003-01-01'),
        ],
      },
    )
    expect(rows.map((r) => [r.subject_id, r.pc290_registration_unexplained])).toEqual([
      ['R1', true],
      ['R2', false],
      ['R3', true],
      ['R4', false],
      ['R5', false],
      ['R6', false],
    ])
  })

  it('the history gaps, the running sentence and the qualifier text', async () => {
    const rows = await counts(
      [
        conv('HS 11359', {
          subject_id: 'H1',
          sentence_end_date: '2027-01-01',
          qualifier_codes: { sql: `['EB:CONSPIRACY', 'BI:ATTEMPT']` },
        }),
        conv('HS 11359', { subject_id: 'H2', sentence_end_date: '2025-12-31' }),
      ],
      { incomplete: [{ subject_id: 'H1', rejected_line_refs: 'a.csv line 4' }] },
    )
    expect(rows.map((r) => [r.incomplete_history_lines, r.sentence_running, r.qualifier_text])).toEqual([
      ['a.csv line 4', true, 'EB (conspiracy); BI (attempt)'],
      [null, false, null],
    ])
  })

  it('the person joins in: DOB, death, demographics', async () => {
    const [row] = await counts([conv('HS 11359')], {
      subjects: [dojSubject({ deceased: true, gender: 'M', race_code: 'B', dob_status: 'ok' })],
    })
    expect(row).toMatchObject({ deceased: true, gender: 'M', race_code: 'B', dob_status: 'ok' })
  })

  it('property: a count is in scope exactly when its section is one HS 11361.8 names', async () => {
    const section = fc.constantFrom(
      'HS 11357',
      'HS 11358',
      'HS 11359',
      'HS 11360(A)',
      'HS 11362.3',
      'HS 11357.5',
      'HS 11361',
      'HS 11362.5',
      'PC 11359',
      'VC 23152',
    )
    const named = new Set(['11357', '11358', '11359', '11360', '11362.1', '11362.2', '11362.3', '11362.4'])
    await fc.assert(
      fc.asyncProperty(fc.array(section, { minLength: 1, maxLength: 10 }), async (sections) => {
        const rows = await counts(
          sections.map((s, i) => conv(s, { subject_id: `P${String(i).padStart(2, '0')}` })),
        )
        const want = sections
          .map((s, i) => [`P${String(i).padStart(2, '0')}`, s] as const)
          .filter(([, s]) => s.startsWith('HS ') && named.has(s.slice(3).replace(/\(.*/, '')))
          .map(([id, s]) => `${id}/${s}`)
        expect(keys(rows)).toEqual(want)
      }),
      { numRuns: 6 },
    )
  })
})
