/**
 * stg_charge_codes: each distinct charge text of the extract, parsed once. The models look a line's code up here by
 * its text (the parse itself is tested through stg_doj_rows' cases, which read it the same way).
 */
import { describe, expect, it } from 'vitest'
import { runOverExtract } from '../../helpers/doj-extract-run.ts'
import { conviction, dojRow } from '../../helpers/doj-fixture.ts'
import { stg_charge_codes } from '../../../sql/staging/stg_charge_codes.ts'

type Row = Record<string, unknown>

describe('stg_charge_codes', () => {
  it('one row per distinct text: the convicted charge, the charge as filed, a Prop 64 charge at arrest', async () => {
    const convicted = (subject: string) =>
      conviction({
        subject,
        cnt: '001001001',
        offense: '11359 HS-POSS MARIJ FOR SALE',
        convicted: '20150601',
      }).map((r) => ({ ...r, CONV_OFFENSE_DESCR: '11357(B) HS-POSS MARIJ' }))
    const run = await runOverExtract(stg_charge_codes, [
      ...convicted('S1'),
      ...convicted('S2'),
      dojRow({
        SUBJECT_ID: 'S3',
        CNT_ORDER: '001001001',
        STP_TYPE_DESCR: 'ARREST',
        OFFENSE_DESCR: '11360 HS-SELL',
      }),
      // An arrest for another offense is not a coded line: its text is never parsed.
      dojRow({
        SUBJECT_ID: 'S3',
        CNT_ORDER: '002001001',
        STP_TYPE_DESCR: 'ARREST',
        OFFENSE_DESCR: '459 PC-BURGLARY',
      }),
    ])
    try {
      const rows = await run.rows<Row>('charge_text')
      expect(rows.map((r) => [r.charge_text, r.code_section, r.base_section])).toEqual([
        ['11357(B) HS-POSS MARIJ', 'HS 11357(B)', 'HS 11357'],
        ['11359 HS-POSS MARIJ FOR SALE', 'HS 11359', 'HS 11359'],
        ['11360 HS-SELL', 'HS 11360', 'HS 11360'],
      ])
      expect(rows[0]).toMatchObject({ code_type: 'HS', section: '11357', subsection: 'B' })
      const temporary = await run.db.scalar(
        `select temporary from duckdb_tables() where table_name = 'stg_charge_codes'`,
      )
      expect(temporary).toBe(true)
    } finally {
      run.close()
    }
  })
})
