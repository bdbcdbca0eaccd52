import { describe, expect, it } from 'vitest'
import { runModel } from '../../helpers/model-fixture.ts'
import { COURT_SEEDS, courtIndex, courtRecord, type CourtRecord } from '../../helpers/court-model-fixture.ts'
import { stg_court_index_rows } from '../../../sql/staging/stg_court_index_rows.ts'

type Row = Record<string, unknown>

async function staged(records: CourtRecord[]): Promise<Row[]> {
  const run = await runModel(stg_court_index_rows, courtIndex(records), { seeds: COURT_SEEDS })
  const rows = await run.rows<Row>('file_index, record')
  run.close()
  return rows
}

describe('stg_court_index_rows', () => {
  it('one row per record read (file_index, record), with its line', async () => {
    const rows = await staged([
      courtRecord(),
      courtRecord({ line: 7 }),
      courtRecord({ file_index: 2 }),
      courtRecord({ court_case_number: '' }),
    ])
    expect(rows.map((r) => [r.file_index, r.record, r.line, r.source_file])).toEqual([
      ['1', '1', '2', 'court1.csv'],
      ['1', '2', '7', 'court1.csv'],
      ['1', '3', '4', 'court1.csv'],
      ['2', '1', '2', 'court2.csv'],
    ])
  })

  it('normalises case numbers: case, dashes, spaces and leading zeros do not matter', async () => {
    const rows = await staged(
      ['05-cr-0001234', ' 05CR1234 ', '5 CR 1234', 'BA/012345', 'ba12345', '0007', '---'].map((n) =>
        courtRecord({ court_case_number: n }),
      ),
    )
    expect(rows.map((r) => r.case_key)).toEqual([
      '5CR1234',
      '5CR1234',
      '5CR1234',
      'BA12345',
      'BA12345',
      '7',
      null,
    ])
    expect(rows[1]!.case_number).toBe('05CR1234')
    // A number with nothing to compare cannot be matched: rejected, never loaded.
    expect(rows[6]!.reject_reason).toBe('no court_case_number: the record cannot be matched to a case')
  })

  it('name key is SURNAME,FIRST with or without a comma; middle names and punctuation dropped', async () => {
    const rows = await staged(
      ['GARCIA,MARIA L', 'Garcia, Maria', 'Maria L. Garcia', "O'Brien, Sean", '', 'Cher'].map((n) =>
        courtRecord({ defendant_name: n }),
      ),
    )
    expect(rows.map((r) => r.name_key)).toEqual([
      'GARCIA,MARIA',
      'GARCIA,MARIA',
      'GARCIA,MARIA',
      'OBRIEN,SEAN',
      null,
      'CHER,CHER',
    ])
  })

  it('dates in either form; blank is missing, anything else is bad (kept, not rejected)', async () => {
    const rows = await staged([
      courtRecord({ dob: '1970-02-02', disposition_date: '20050301', offense_date: '' }),
      courtRecord({ dob: '02/02/1970', disposition_date: '2005-13-01', offense_date: '2005-01-01' }),
    ])
    expect(rows[0]).toMatchObject({
      dob_status: 'ok',
      disposition_date_status: 'ok',
      offense_date_status: 'missing',
    })
    expect(String(rows[0]!.dob)).toBe('1970-02-02')
    expect(String(rows[0]!.disposition_date)).toBe('2005-03-01')
    expect(rows[0]!.offense_date).toBeNull()
    expect(rows[1]).toMatchObject({
      dob: null,
      dob_status: 'bad',
      disposition_date_status: 'bad',
      offense_date_status: 'ok',
    })
    expect(rows.map((r) => r.reject_reason)).toEqual([null, null])
  })

  it('reads the charge section in DOJ or code-first order, with attempt and conspiracy prefixes', async () => {
    const sections = [
      '11359 HS',
      'HS 11357(b)',
      '11357(B) HS',
      '664/11359 HS',
      'HS 182/11360(a)(2)',
      'PC 32',
      'VC 23152(a)',
      'hs 11362.1',
      'marijuana',
    ]
    const rows = await staged(sections.map((s) => courtRecord({ charge_section: s })))
    expect(
      rows.map((r) => [
        r.code_section,
        r.base_section,
        r.subsection,
        r.is_attempt,
        r.is_conspiracy,
        r.is_cannabis,
      ]),
    ).toEqual([
      ['HS 11359', 'HS 11359', null, false, false, true],
      ['HS 11357(B)', 'HS 11357', 'B', false, false, true],
      ['HS 11357(B)', 'HS 11357', 'B', false, false, true],
      ['HS 11359', 'HS 11359', null, true, false, true],
      ['HS 11360(A)(2)', 'HS 11360', 'A', false, true, true],
      ['PC 32', 'PC 32', null, false, false, false],
      ['VC 23152(A)', 'VC 23152', 'A', false, false, false],
      ['HS 11362.1', 'HS 11362.1', null, false, false, true],
      [null, null, null, false, false, false],
    ])
    expect(rows[8]!.charge_text).toBe('MARIJUANA')
  })

  it('level F/M/I in any case, a conviction only when the disposition begins with CONVICTED', async () => {
    const rows = await staged([
      courtRecord({ charge_level: 'f', disposition: 'convicted - plea' }),
      courtRecord({ charge_level: 'M', disposition: 'DISMISSED' }),
      courtRecord({ charge_level: 'I', disposition: 'ACQUITTED, NOT CONVICTED' }),
      courtRecord({ charge_level: 'X', disposition: '' }),
    ])
    expect(rows.map((r) => [r.conviction_level, r.is_conviction])).toEqual([
      ['felony', true],
      ['misdemeanor', false],
      ['infraction', false],
      [null, false],
    ])
  })

  it('adds up sentence parts by unit and flags text it cannot read', async () => {
    const rows = await staged(
      ['90 DAYS JAIL', '1 YR 6 MOS', '2 years + 10 days', '1.5 Y', 'FINE $100', 'TIME SERVED', ''].map((s) =>
        courtRecord({ sentence: s }),
      ),
    )
    expect(
      rows.map((r) => [r.sentence_days, r.sentence_months, r.sentence_years, r.sentence_unreadable]),
    ).toEqual([
      [90, 0, 0, false],
      [0, 6, 1, false],
      [10, 0, 2, false],
      [0, 0, 1.5, false],
      [0, 0, 0, false],
      [0, 0, 0, true],
      [0, 0, 0, false],
    ])
  })

  it('counties in DOJ or title case; a record with no county or a foreign one is rejected with the reason', async () => {
    const rows = await staged([
      courtRecord({ county: 'Los  angeles' }),
      courtRecord({ county: 'SAN JOAQUIN' }),
      courtRecord({ county: '' }),
      courtRecord({ county: 'Atlantis' }),
    ])
    expect(rows.map((r) => [r.county, r.county_code !== null])).toEqual([
      ['LOS ANGELES', true],
      ['SAN JOAQUIN', true],
      [null, false],
      [null, false],
    ])
    expect(rows.map((r) => r.reject_reason)).toEqual([
      null,
      null,
      'no county: the record cannot be matched to a case',
      'county "ATLANTIS" is not a California county',
    ])
  })
})
