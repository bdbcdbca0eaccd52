/**
 * stg_doj_rows: one row per loaded DOJ line, trimmed, typed and parsed. The charge text is read into a code section
 * (parsed once per text by stg_charge_codes, looked up here as the models do), the qualifiers into attempt /
 * conspiracy / accessory / registration flags, dates into a value and a status.
 * Long fields are kept only where a later model reads them: conviction lines (and PC 290 / Prop 64 steps for the
 * code); every line keeps the person's identity.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { runOverExtract, type ExtractLine } from '../../helpers/doj-extract-run.ts'
import { conviction, dojRow, type ConvictionSpec } from '../../helpers/doj-fixture.ts'
import type { DojRow } from '../../../data-contracts/doj-extract.contract.ts'
import { stg_doj_rows } from '../../../sql/staging/stg_doj_rows.ts'
import { stg_charge_codes } from '../../../sql/staging/stg_charge_codes.ts'

type Row = Record<string, unknown>

/**
 * The staged lines, each with the code its charge texts parse to (stg_charge_codes, looked up as the models do).
 */
async function stage(lines: readonly ExtractLine[], orderBy = 'subject_id, cnt_order'): Promise<Row[]> {
  const run = await runOverExtract(stg_charge_codes, lines)
  try {
    return await run.db
      .rows<Row>(`select s.*, c.* exclude (charge_text), ch.code_section as charged_code_section
      from stg_doj_rows s
      left join stg_charge_codes c on c.charge_text = s.charge_text
      left join stg_charge_codes ch on ch.charge_text = s.charged_text
      order by ${orderBy}`)
  } finally {
    run.close()
  }
}

/** One convicted count of its own person (subject_id = `id`), with DOJ fields overridden. */
function convicted(id: string, over: Partial<DojRow> = {}, spec: Partial<ConvictionSpec> = {}): DojRow {
  const [row] = conviction({
    subject: id,
    cnt: '001001001',
    offense: '11359 HS-POSS MARIJ FOR SALE',
    convicted: '20150601',
    ...spec,
  })
  return { ...row!, ...over }
}

const pick = (rows: Row[], ...cols: string[]) => rows.map((r) => cols.map((c) => r[c]))

describe('stg_doj_rows', () => {
  it('one row per loaded line, duplicates included; a temp table', async () => {
    const line = convicted('S1')
    const run = await runOverExtract(stg_doj_rows, [line, line, convicted('S2')])
    try {
      expect((await run.rows()).map((r) => r.subject_id)).toEqual(['S1', 'S1', 'S2'])
      const temporary = await run.db.scalar(
        `select temporary from duckdb_tables() where table_name = 'stg_doj_rows'`,
      )
      expect(temporary).toBe(true)
    } finally {
      run.close()
    }
  })

  it('parses the section, subsections and code type from the charge text', async () => {
    const charges: [string, string | null, string | null, string | null][] = [
      // charge text, code_section, section, subsection
      ['11359 HS-POSS MARIJ FOR SALE', 'HS 11359', '11359', null],
      ['11357(C)HS-POSS MARIJ ON SCHOOL', 'HS 11357(C)', '11357', 'C'],
      [' 148 PC - OBSTRUCT OFFICER', 'PC 148', '148', null],
      ['664/187 PC-ATTEMPTED MURDER', 'PC 187', '187', null],
      ['288A(C) PC-ORAL COPULATION', 'PC 288A(C)', '288A', 'C'],
      ['288 A(C) PC-ORAL COPULATION', 'PC 288A(C)', '288A', 'C'],
      ['273AB PC-ASSAULT CHILD', 'PC 273AB', '273AB', null],
      ['11360(A)(2) HS-TRANSPORT MARIJ', 'HS 11360(A)(2)', '11360', 'A'],
      ['11362.1 HS-MARIJ USE', 'HS 11362.1', '11362.1', null],
      ['182(A)(1)/11360 HS-CONSPIRACY', 'HS 11360', '11360', null],
      ['11357 hs-poss marij', 'HS 11357', '11357', null],
      ['MARIJUANA', null, null, null],
    ]
    const rows = await stage(charges.map(([text], i) => convicted(`S${10 + i}`, { OFFENSE_DESCR: text })))
    expect(pick(rows, 'code_section', 'section', 'subsection')).toEqual(charges.map((c) => c.slice(1)))
    expect(rows[0]).toMatchObject({ code_type: 'HS', base_section: 'HS 11359' })
    expect(rows[4]).toMatchObject({ code_type: 'PC', base_section: 'PC 288A' })
    expect(rows[11]).toMatchObject({ code_type: null, base_section: null, charge_text: 'MARIJUANA' })
    // The 664/ and 182/ prefixes are the attempt and the conspiracy.
    expect(pick(rows, 'is_attempt', 'is_conspiracy')[3]).toEqual([true, false])
    expect(pick(rows, 'is_attempt', 'is_conspiracy')[9]).toEqual([false, true])
    expect(pick(rows, 'is_attempt', 'is_conspiracy')[0]).toEqual([false, false])
  })

  it('SEE COMMENT FOR CHARGE: the charge is read from COMMENT_TEXT', async () => {
    const [row] = await stage([
      convicted('S1', {
        OFFENSE_DESCR: 'SEE COMMENT FOR CHARGE',
        COMMENT_TEXT: ' 11358 HS-CULTIVATE MARIJUANA ',
      }),
    ])
    expect(row).toMatchObject({
      code_section: 'HS 11358',
      charged_code_section: 'HS 11358',
      charge_text: '11358 HS-CULTIVATE MARIJUANA',
      convicted_offense_recorded: false,
    })
  })

  it('the convicted offense (CONV_, else DISP_OFFENSE_DESCR) wins over the charge; the charge is kept apart', async () => {
    const rows = await stage([
      convicted('S1', { CONV_OFFENSE_DESCR: '11357(B) HS-POSS MARIJ', DISP_OFFENSE_DESCR: '11350 HS-POSS' }),
      convicted('S2', { DISP_OFFENSE_DESCR: '11350 HS-POSS NARC' }),
      // An unusable convicted offense falls back to the next source.
      convicted('S3', { CONV_OFFENSE_DESCR: 'SEE COMMENT FOR CHARGE', DISP_OFFENSE_DESCR: '11360 HS-SELL' }),
      convicted('S4'),
    ])
    expect(pick(rows, 'code_section', 'charged_code_section', 'convicted_offense_recorded')).toEqual([
      ['HS 11357(B)', 'HS 11359', true],
      ['HS 11350', 'HS 11359', true],
      ['HS 11360', 'HS 11359', true],
      ['HS 11359', 'HS 11359', false],
    ])
    expect(rows[0]!.charge_text).toBe('11357(B) HS-POSS MARIJ')
  })

  it('qualifier codes: letter pairs in any spacing, digit forms, EH read as an attempt', async () => {
    const quals: [string, string[], boolean, boolean, boolean, boolean][] = [
      // OFFENSE_QUAL_LST, codes, attempt, conspiracy, accessory, registration
      ['EB', ['EB:CONSPIRACY'], false, true, false, false],
      ['BI', ['BI:ATTEMPT'], true, false, false, false],
      ['EBBI', ['BI:ATTEMPT', 'EB:CONSPIRACY'], true, true, false, false],
      ['EB,CS', ['CS:ACCESSORY', 'EB:CONSPIRACY'], false, true, true, false],
      ['eb bi', ['BI:ATTEMPT', 'EB:CONSPIRACY'], true, true, false, false],
      ['664', ['664:ATTEMPT'], true, false, false, false],
      ['182(A)(1)', ['182(A)(1):CONSPIRACY'], false, true, false, false],
      ['PC 32', ['32:ACCESSORY'], false, false, true, false],
      ['EH', ['EH:CONSPIRACY'], true, false, false, false],
      ['BB', ['BB:REGISTRATION'], false, false, false, true],
      ['EBB', [], false, false, false, false],
      ['ZZ', [], false, false, false, false],
      ['', [], false, false, false, false],
    ]
    const rows = await stage(quals.map(([q], i) => convicted(`S${10 + i}`, { OFFENSE_QUAL_LST: q })))
    expect(
      rows.map((r) => [
        [...(r.qualifier_codes as string[])].sort(),
        r.is_attempt,
        r.is_conspiracy,
        r.is_accessory,
        r.has_registration_qualifier,
      ]),
    ).toEqual(quals.map((q) => q.slice(1)))
  })

  it('a recorded convicted offense brings its own qualifiers: a conspiracy charge pled to the offense is no conspiracy', async () => {
    const rows = await stage([
      convicted('S1', { OFFENSE_QUAL_LST: 'EB', CONV_OFFENSE_DESCR: '11359 HS-POSS FOR SALE' }),
      convicted('S2', {
        OFFENSE_QUAL_LST: '',
        CONV_OFFENSE_DESCR: '11359 HS-POSS',
        CONV_OFFENSE_QUAL_LST: 'BI',
      }),
      convicted('S3', {
        OFFENSE_QUAL_LST: 'EB',
        DISP_OFFENSE_QUAL_LST: 'CS',
        DISP_OFFENSE_DESCR: '32 PC-ACCESSORY',
      }),
    ])
    expect(pick(rows, 'is_conspiracy', 'is_attempt', 'is_accessory')).toEqual([
      [false, false, false],
      [false, true, false],
      [false, false, true],
    ])
  })

  it("date statuses: 'ok', 'bad' (text that is no date), 'missing' (blank)", async () => {
    const rows = await stage([
      convicted('S1', { DISP_DATE: '20150601', CYC_DATE: '20150101', STP_EVENT_DATE: '20150602' }),
      convicted('S2', { DISP_DATE: '20151341', CYC_DATE: '2015', STP_EVENT_DATE: 'UNKNOWN' }),
      convicted('S3', { DISP_DATE: '', CYC_DATE: '  ', STP_EVENT_DATE: '' }),
    ])
    expect(
      rows.map((r) => [
        r.disp_date ? String(r.disp_date).slice(0, 10) : null,
        r.disp_date_status,
        r.cyc_date_status,
        r.step_date_status,
      ]),
    ).toEqual([
      ['2015-06-01', 'ok', 'ok', 'ok'],
      [null, 'bad', 'bad', 'bad'],
      [null, 'missing', 'missing', 'missing'],
    ])
  })

  it('DOB: a date, an unreadable one (present, no date), or none', async () => {
    const rows = await stage([
      convicted('S1', { PRI_DOB: '19600101' }),
      convicted('S2', { PRI_DOB: '19601340' }),
      convicted('S3', { PRI_DOB: '' }),
    ])
    expect(rows.map((r) => [r.dob ? String(r.dob).slice(0, 10) : null, r.dob_present])).toEqual([
      ['1960-01-01', true],
      [null, true],
      [null, false],
    ])
  })

  it('padded fields are trimmed; blank is NULL; codes and places upper-cased', async () => {
    const [row] = await stage([
      convicted(' S1 ', {
        PRI_NAME: '  DOE,JANE ',
        GENDER: 'f ',
        RACE_CODE: ' h',
        CII_NUMBER: '   ',
        STP_ORI_CNTY_NAME: ' fresno ',
        FE_NUM_CRT_CASE: ' F123 ',
        CNT_ORDER: ' 001001001 ',
      }),
    ])
    expect(row).toMatchObject({
      subject_id: 'S1',
      name: 'DOE,JANE',
      gender: 'F',
      race_code: 'H',
      cii_number: null,
      county: 'FRESNO',
      case_number: 'F123',
      cnt_order: '001001001',
    })
  })

  it('conviction level: CONV_STAT_DESCR, else the type of charge (convicted TOC first)', async () => {
    const rows = await stage([
      convicted('S1', { CONV_STAT_DESCR: 'MISDEMEANOR', OFFENSE_TOC: 'F' }),
      convicted('S2', { CONV_STAT_DESCR: '', OFFENSE_TOC: 'F' }),
      convicted('S3', { CONV_STAT_DESCR: '', OFFENSE_TOC: 'M', CONV_OFFENSE_TOC: 'I' }),
      convicted('S4', { CONV_STAT_DESCR: '', OFFENSE_TOC: 'm' }),
      convicted('S5', { CONV_STAT_DESCR: 'UNKNOWN', OFFENSE_TOC: '' }),
    ])
    expect(rows.map((r) => r.conviction_level)).toEqual([
      'misdemeanor',
      'felony',
      'infraction',
      'misdemeanor',
      null,
    ])
  })

  it('CYC_AGE: a plausible age is kept, anything else is NULL', async () => {
    const rows = await stage([
      convicted('S1', { CYC_AGE: '35' }),
      convicted('S2', { CYC_AGE: '150' }),
      convicted('S3', { CYC_AGE: 'X' }),
      convicted('S4', { CYC_AGE: '' }),
    ])
    expect(rows.map((r) => r.cycle_age)).toEqual([35, null, null, null])
  })

  it('a sentence part: kind, length as a number, unit', async () => {
    const rows = await stage(
      conviction({
        subject: 'S1',
        cnt: '001001001',
        offense: '11359 HS-POSS',
        convicted: '20150601',
        sentence: [
          { kind: 'JAIL', length: '90', unit: 'D' },
          { kind: 'PROBATION', length: '1.5', unit: 'Y' },
        ],
      }),
      'sent_order',
    )
    expect(pick(rows, 'sent_order', 'sentence_kind', 'sentence_length', 'sentence_unit')).toEqual([
      ['1', 'JAIL', 90, 'D'],
      ['2', 'PROBATION', 1.5, 'Y'],
    ])
  })

  it('a line that is no conviction keeps the person, not the court: an arrest, a death, a PC 290 registration', async () => {
    const person = {
      SUBJECT_ID: 'S1',
      PRI_NAME: 'DOE,JANE',
      PRI_DOB: '19600101',
      GENDER: 'F',
      CII_NUMBER: 'A1',
    }
    const step = (over: Partial<DojRow>) =>
      dojRow({
        ...person,
        CYC_ORDER: '1',
        CYC_DATE: '20150101',
        STP_EVENT_DATE: '20150102',
        STP_ORI_DESCR: 'SO FRESNO',
        STP_ORI_CNTY_NAME: 'FRESNO',
        FE_NUM_CRT_CASE: 'F1',
        ...over,
      })
    const rows = await stage(
      [
        step({ STP_TYPE_DESCR: 'ARREST/DETAINED', CNT_ORDER: '001001001', OFFENSE_DESCR: '459 PC-BURGLARY' }),
        step({
          STP_TYPE_DESCR: 'ARREST/DETAINED',
          CNT_ORDER: '001001002',
          OFFENSE_DESCR: '11359 HS-POSS FOR SALE',
        }),
        step({ STP_TYPE_DESCR: 'DECEASED', STP_EVENT_DATE: '20200505' }),
        step({
          STP_TYPE_DESCR: ' registration ',
          CNT_ORDER: '002001001',
          OFFENSE_DESCR: '290 PC-REGISTER SEX OFFENDER',
        }),
        step({
          STP_TYPE_DESCR: 'COURT ACTION',
          CNT_ORDER: '003001001',
          DISP_DESCR: 'DISMISSED',
          OFFENSE_DESCR: '11357 HS',
        }),
      ],
      'step_type nulls first, cnt_order nulls first',
    )
    for (const r of rows) {
      expect(r).toMatchObject({
        subject_id: 'S1',
        name: 'DOE,JANE',
        gender: 'F',
        cii_number: 'A1',
        is_conviction: false,
      })
      expect(r).toMatchObject({
        court: null,
        county: null,
        case_number: null,
        charged_text: null,
        disp_date: null,
      })
    }
    // The charge text is kept only where a code is read from it: a Prop 64 charge, a registration.
    expect(pick(rows, 'charge_text', 'is_pc290_registration')).toEqual([
      [null, false],
      ['11359 HS-POSS FOR SALE', false],
      ['11357 HS', false],
      [null, false],
      ['290 PC-REGISTER SEX OFFENDER', true],
    ])
    expect(pick(rows, 'step_type', 'cnt_order', 'code_section')).toEqual([
      // The arrest for burglary: nothing to parse for any rule.
      [null, null, null],
      // A Prop 64 charge at arrest: its code and cycle are kept (what a PC 32 accessory is tied to).
      [null, '001001002', 'HS 11359'],
      [null, '003001001', 'HS 11357'],
      ['DECEASED', null, null],
      ['REGISTRATION', '002001001', 'PC 290'],
    ])
    expect(rows[1]!.cyc_order).toBe('1')
    expect(String(rows[3]!.step_date).slice(0, 10)).toBe('2020-05-05')
    expect(rows[3]!.step_date_status).toBe('ok')
    // Only the step kinds a rule reads are named; the arrest's step date is not kept.
    expect(rows[0]!.step_date).toBeNull()
  })

  it('property: "<section><(sub)…> <CODE>-text" parses back to its parts, whatever the padding', async () => {
    const charge = fc.record({
      section: fc.integer({ min: 1, max: 99999 }).map(String),
      letters: fc.constantFrom('', 'A', 'AB'),
      subs: fc.array(fc.constantFrom('A', 'B', 'C', '1', '2', '3'), { maxLength: 3 }),
      type: fc.constantFrom('HS', 'PC', 'VC', 'BP', 'WIC'),
      lead: fc.constantFrom('', ' ', '  '),
      gap: fc.constantFrom('', ' '),
      dash: fc.constantFrom('-', ' - ', ' '),
    })
    // A three-letter code type right after the section, glued or spaced ("1WIC", "1 WIC"), cannot be told from a
    // letter suffix ("1W" + "IC", as in "288 A(C) PC"): the property keeps those behind subsections.
    const readable = charge.map((c) =>
      c.type.length === 3 && c.subs.length === 0 ? { ...c, subs: ['A'] } : c,
    )
    await fc.assert(
      fc.asyncProperty(fc.array(readable, { minLength: 1, maxLength: 20 }), async (cs) => {
        const text = (c: (typeof cs)[number]) =>
          `${c.lead}${c.section}${c.letters}${c.subs.map((s) => `(${s})`).join('')}${c.gap}${c.type}${c.dash}SOME OFFENSE`
        const rows = await stage(
          cs.map((c, i) => convicted(`S${String(i).padStart(3, '0')}`, { OFFENSE_DESCR: text(c) })),
        )
        expect(rows.map((r) => r.code_section)).toEqual(
          cs.map((c) => `${c.type} ${c.section}${c.letters}${c.subs.map((s) => `(${s})`).join('')}`),
        )
        expect(rows.map((r) => r.subsection)).toEqual(cs.map((c) => c.subs[0] ?? null))
      }),
      { numRuns: 8 },
    )
  })
})
