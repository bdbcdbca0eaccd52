import { describe, expect, it } from 'vitest'
import { runModel } from '../../helpers/model-fixture.ts'
import { chargeLineTables, type ChargeLine } from '../../helpers/charge-lines-fixture.ts'
import { int_prop64_charges } from '../../../sql/intermediate/int_prop64_charges.ts'

async function charges(lines: ChargeLine[]) {
  const run = await runModel(int_prop64_charges, chargeLineTables(lines))
  try {
    return await run.rows<Record<string, unknown>>('subject_id, cycle, is_conviction')
  } finally {
    run.close()
  }
}

const line = (over: Partial<ChargeLine>): ChargeLine => ({
  subject_id: 'S1',
  cyc_order: '001',
  cnt_order: '001001001',
  code_type: 'HS',
  section: '11359',
  code_section: 'HS 11359',
  is_conviction: false,
  ...over,
})

describe('int_prop64_charges', () => {
  it('one row per person, cycle and outcome; the smallest code section of the cycle', async () => {
    const rows = await charges([
      line({ code_section: 'HS 11360(A)', section: '11360' }),
      line({ code_section: 'HS 11359' }),
      line({ is_conviction: true, code_section: 'HS 11357(B)', section: '11357' }),
      line({ cyc_order: '002', cnt_order: '002001001' }),
    ])
    expect(rows).toEqual([
      { subject_id: 'S1', cycle: 1, is_conviction: false, code_section: 'HS 11359' },
      { subject_id: 'S1', cycle: 1, is_conviction: true, code_section: 'HS 11357(B)' },
      { subject_id: 'S1', cycle: 2, is_conviction: false, code_section: 'HS 11359' },
    ])
  })

  it('the cycle is CYC_ORDER, else the first three digits of CNT_ORDER', async () => {
    const rows = await charges([line({ cyc_order: null, cnt_order: '007002001' })])
    expect(rows.map((r) => r.cycle)).toEqual([7])
  })

  it('only HS 11357–11360: not 11362.1, not another code, not a line without a person', async () => {
    const rows = await charges([
      line({ section: '11362.1', code_section: 'HS 11362.1' }),
      line({ code_type: 'PC', section: '11359', code_section: 'PC 11359' }),
      line({ subject_id: null }),
      line({ subject_id: 'S2', section: '11358', code_section: 'HS 11358' }),
    ])
    expect(rows.map((r) => `${r.subject_id} ${r.code_section}`)).toEqual(['S2 HS 11358'])
  })
})
