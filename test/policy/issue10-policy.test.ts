/**
 * Issue 10 in the policy layer: hand-made cases run under the presets a DA would pick (dismiss-all, sacramento-2019)
 * and small policy files. A conspiracy is outside HS 11361.8 in every layer (People v. Medina), a PC 32 accessory
 * stays review (People v. Boatwright), a Prop 64-only code is never old-law relief, and every reduction says what
 * it asks for (reduced_level).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assertNeverSilent, ingest, policyOf, type Harness, type Row } from './policy-harness.ts'
import { arrest, burglary, c, KEY, M, sale } from './fixture-people.ts'

let h: Harness
beforeAll(async () => {
  h = await ingest([
    // 1001: conspiracy (qualifier EB) to sell, felony 2010.
    ...sale('1001', '001001001000', '20100601', { qualifiers: 'EB' }),
    // 1002: PC 32 accessory convicted in the cycle of an 11359 arrest.
    arrest('1002', '001001002000', '11359 HS-POSS MARIJUANA FOR SALE', '20100101'),
    ...c('1002', '001001001000', '32 PC-ACCESSORY', '20100601'),
    // 1003: accessory written as qualifier CS on the 11359 count itself.
    ...sale('1003', '001001001000', '20100601', { qualifiers: 'CS' }),
    // 1004: CJIS 35452 (Prop 64's own 11359(C) felony) with a 2016 arrest date.
    ...c('1004', '001001001000', '11359(C) HS-POSS MARIJ FOR SALE W/PR', '20170301', {
      offenseDate: '20160901',
      code: '35452',
    }),
    // 1005: old-law-only CJIS 35127 with a 2017 arrest: the record contradicts itself.
    ...sale('1005', '001001001000', '20170601', { offenseDate: '20170201', code: '35127' }),
    // 1006: felony 11359 with a prior murder conviction: statute not_eligible (DQ-01).
    ...c('1006', '001001001000', '187 PC-MURDER', '19950301'),
    ...sale('1006', '002001001000', '20100601'),
    ...burglary('1006'),
    // 1007: misdemeanor 11359 at 30: statute not_eligible (still 11359(b)).
    ...sale('1007', '001001001000', '20100601', M),
    // 1008: attempted sale (qualifier BI): statute review.
    ...sale('1008', '001001001000', '20100601', { qualifiers: 'BI' }),
  ])
})
afterAll(() => h.close())

const pick = (r: Row | undefined) =>
  r && {
    determination: r.determination,
    layer: r.layer,
    rule_id: r.rule_id,
    reduced_level: r.reduced_level,
  }

describe('issue 10 pt 2: conspiracy and accessory are never Prop 64 relief under any policy', () => {
  for (const preset of [
    'statute',
    'dismiss-all',
    'sacramento-2019',
    'san-joaquin-2019',
    'los-angeles-2020',
  ]) {
    it(`${preset}: a conspiracy (EB) stays not_eligible by P64-SCOPE-02 [People v. Medina]`, async () => {
      const rows = await h.decide(preset)
      expect(pick(rows.get(KEY('1001')))).toEqual({
        determination: 'not_eligible',
        layer: 'statute',
        rule_id: 'P64-SCOPE-02',
        reduced_level: null,
      })
      assertNeverSilent(rows.values())
    })
    it(`${preset}: a PC 32 accessory tied to an 11359 arrest, and a CS qualifier, stay review by P64-SCOPE-05 [People v. Boatwright]`, async () => {
      const rows = await h.decide(preset)
      for (const k of [KEY('1002'), KEY('1003')])
        expect(pick(rows.get(k)), k).toEqual({
          determination: 'review',
          layer: 'statute',
          rule_id: 'P64-SCOPE-05',
          reduced_level: null,
        })
    })
  }

  it('a policy listing PC 32 as a related charge does not turn the tied accessory into a second, dismissed row [Boatwright]', async () => {
    const rows = await h.decide(
      policyOf({ name: 'related-32', misdemeanor: 'dismiss', related_charges: ['PC 32'] }),
    )
    const accessory = [...rows.values()].filter((r) => r.subject_id === '1002')
    expect(accessory).toHaveLength(1)
    expect(pick(accessory[0])).toMatchObject({ determination: 'review', rule_id: 'P64-SCOPE-05' })
  })
})

describe('issue 10 pt 1: the policy layer does not reach Prop 64-only codes or self-contradicting records', () => {
  it('dismiss-all: CJIS 35452 with a 2016 arrest stays not_eligible by P64-TIME-03 [People v. Lin]', async () => {
    expect(pick((await h.decide('dismiss-all')).get(KEY('1004')))).toEqual({
      determination: 'not_eligible',
      layer: 'statute',
      rule_id: 'P64-TIME-03',
      reduced_level: null,
    })
  })
  it('dismiss-all: old-law code 35127 with a 2017 arrest stays review by P64-TIME-04 [CJIS code table]', async () => {
    expect(pick((await h.decide('dismiss-all')).get(KEY('1005')))).toEqual({
      determination: 'review',
      layer: 'statute',
      rule_id: 'P64-TIME-04',
      reduced_level: null,
    })
  })
})

describe('issue 10 pt 2: an attempt is review under the statute; a DA policy that dismisses the section says so', () => {
  it('statute: review by P64-SCOPE-03; dismiss-all: dismiss labelled DA-FEL-DISMISS, statute review kept [legal-verify item 3]', async () => {
    expect(pick((await h.decide('statute')).get(KEY('1008')))).toMatchObject({
      determination: 'review',
      rule_id: 'P64-SCOPE-03',
    })
    const r = (await h.decide('dismiss-all')).get(KEY('1008'))!
    expect(pick(r)).toMatchObject({ determination: 'dismiss', layer: 'policy', rule_id: 'DA-FEL-DISMISS' })
    expect(r.statute_determination).toBe('review')
    expect(String(r.reason)).toContain('Statute alone: review by P64-SCOPE-03')
  })
})

describe('issue 10 pt 6: a policy reduction says what it asks for', () => {
  it('sacramento-2019: felony 11359 the statute keeps (super-strike) is reduced to a misdemeanor, labelled [PC 1385]', async () => {
    const r = (await h.decide('sacramento-2019')).get(KEY('1006', '002001001000'))!
    expect(pick(r)).toEqual({
      determination: 'reduce',
      layer: 'policy',
      rule_id: 'DA-FEL-REDUCE',
      reduced_level: 'misdemeanor',
    })
    expect(r.statute_determination).toBe('not_eligible')
  })
  it('misdemeanor: reduce turns a misdemeanor 11359 into an infraction [HS 11361.8(e); DA policy]', async () => {
    const rows = await h.decide(policyOf({ name: 'misd-reduce', misdemeanor: 'reduce' }))
    expect(pick(rows.get(KEY('1007')))).toEqual({
      determination: 'reduce',
      layer: 'policy',
      rule_id: 'DA-MISD-REDUCE',
      reduced_level: 'infraction',
    })
  })
  it('dismiss-all: dismissals carry no reduced_level; statute reductions keep theirs', async () => {
    for (const r of (await h.decide('dismiss-all')).values()) {
      if (r.determination === 'reduce') expect(['misdemeanor', 'infraction']).toContain(r.reduced_level)
      else expect(r.reduced_level).toBeNull()
    }
    const s = (await h.decide('statute')).get(KEY('1003'))
    expect(s?.reduced_level).toBeNull()
  })
})
