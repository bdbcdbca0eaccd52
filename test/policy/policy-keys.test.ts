import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ingest, policyOf, assertNeverSilent, type Harness, type Row } from './policy-harness.ts'
import { KEY, PEOPLE } from './fixture-people.ts'

let h: Harness
beforeAll(async () => {
  h = await ingest(PEOPLE)
})
afterAll(() => h?.close())

const ALL_DISMISS = {
  'HS 11357': 'dismiss',
  'HS 11358': 'dismiss',
  'HS 11359': 'dismiss',
  'HS 11360': 'dismiss',
}
const ALL_REDUCE = { 'HS 11357': 'reduce', 'HS 11358': 'reduce', 'HS 11359': 'reduce', 'HS 11360': 'reduce' }

async function decide(p: Record<string, unknown>): Promise<Map<string, Row>> {
  const rows = await h.decide(policyOf({ name: 'test-policy', ...p }))
  assertNeverSilent(rows.values())
  return rows
}
const pick = (r: Row | undefined) =>
  r && { determination: r.determination, layer: r.layer, rule_id: r.rule_id }

describe('policy key: felony', () => {
  it('dismiss fires on felonies of the listed section and names the statute outcome it departs from', async () => {
    const rows = await decide({ felony: { 'HS 11359': 'dismiss' } })
    const r = rows.get(KEY('101'))!
    expect(pick(r)).toEqual({ determination: 'dismiss', layer: 'policy', rule_id: 'DA-FEL-DISMISS' })
    expect(r.statute_determination).toBe('reduce')
    expect(r.statute_rule_id).toBe('P64-FEL-REDUCE')
    expect(r.reason).toContain('Statute alone: reduce by P64-FEL-REDUCE')
    expect(r.citation).toBe('DA policy test-policy: policy file test-policy.yaml')
    expect(r.remedy).toBe('dismiss_and_seal')
  })

  it('does not fire on another section (HS 11358 stays reduce by the statute)', async () => {
    const rows = await decide({ felony: { 'HS 11359': 'dismiss' } })
    expect(pick(rows.get(KEY('110')))).toEqual({
      determination: 'reduce',
      layer: 'statute',
      rule_id: 'P64-FEL-REDUCE',
    })
  })

  it('reduce where the statute already reduces leaves the statute row as it is', async () => {
    const rows = await decide({ felony: { 'HS 11359': 'reduce' } })
    expect(pick(rows.get(KEY('101')))).toEqual({
      determination: 'reduce',
      layer: 'statute',
      rule_id: 'P64-FEL-REDUCE',
    })
  })

  it('never gives less than the statute: reduce on a felony the statute dismisses keeps the dismissal', async () => {
    const rows = await decide({ felony: { 'HS 11357': 'reduce' } })
    expect(pick(rows.get(KEY('102')))).toEqual({
      determination: 'dismiss',
      layer: 'statute',
      rule_id: 'P64-11357B-01',
    })
  })

  it('overrides a statute not_eligible only out loud (layer policy, statute rule named in the reason)', async () => {
    const rows = await decide({ felony: { 'HS 11359': 'reduce' } })
    const r = rows.get(KEY('116', '002001001000'))!
    expect(pick(r)).toEqual({ determination: 'reduce', layer: 'policy', rule_id: 'DA-FEL-REDUCE' })
    expect(r.statute_determination).toBe('not_eligible')
    expect(r.reason).toContain('Statute alone: not_eligible by P64-DQ-01')
    expect(r.reason).toContain('PC 1385')
  })
})

describe('policy key: misdemeanor', () => {
  it.each([
    ['dismiss', 'dismiss', 'policy', 'DA-MISD-DISMISS'],
    ['reduce', 'reduce', 'policy', 'DA-MISD-REDUCE'],
    ['statute', 'not_eligible', 'statute', 'P64-11359-MISD'],
  ])(
    'misdemeanor: %s on a misdemeanor 11359 → %s (%s, %s)',
    async (choice, determination, layer, rule_id) => {
      const rows = await decide({ misdemeanor: choice })
      expect(pick(rows.get(KEY('103')))).toEqual({ determination, layer, rule_id })
      // Felonies are not touched by the misdemeanor key.
      expect(pick(rows.get(KEY('101')))).toEqual({
        determination: 'reduce',
        layer: 'statute',
        rule_id: 'P64-FEL-REDUCE',
      })
    },
  )

  it('dismisses a count of unrecorded level only when every level of its section is dismissed', async () => {
    expect(pick((await decide({ felony: ALL_DISMISS, misdemeanor: 'dismiss' })).get(KEY('126')))).toEqual({
      determination: 'dismiss',
      layer: 'policy',
      rule_id: 'DA-LEVEL-DISMISS',
    })
    expect(pick((await decide({ felony: ALL_DISMISS })).get(KEY('126')))).toEqual({
      determination: 'review',
      layer: 'statute',
      rule_id: 'P64-DATA-03',
    })
  })
})

describe('policy key: dismiss_when', () => {
  const cases: [string, Record<string, unknown>, string, string, string][] = [
    ['under_21_at_conviction', { under_21_at_conviction: true }, '104', '105', 'DA-DISMISS-UNDER21'],
    ['age_at_least', { age_at_least: 50 }, '106', '107', 'DA-DISMISS-AGE'],
    [
      'years_since_conviction_at_least',
      { years_since_conviction_at_least: 10 },
      '108',
      '109',
      'DA-DISMISS-YEARS-SINCE',
    ],
    ['crime_free_years_at_least', { crime_free_years_at_least: 5 }, '110', '111', 'DA-DISMISS-CRIME-FREE'],
    ['only_prop64_convictions', { only_prop64_convictions: true }, '112', '101', 'DA-DISMISS-ONLY-P64'],
    [
      'only_prop64_sentences_completed',
      { only_prop64_sentences_completed: true },
      '114',
      '113',
      'DA-DISMISS-ONLY-P64-DONE',
    ],
    [
      'only_conviction_sentence_completed',
      { only_conviction_sentence_completed: true },
      '114',
      '112',
      'DA-DISMISS-SOLE-DONE',
    ],
    ['deceased', { deceased: true }, '115', '101', 'DA-DISMISS-DECEASED'],
  ]
  it.each(cases)(
    '%s fires for the person who meets it and not for the one who does not',
    async (_k, when, yes, no, id) => {
      const rows = await decide({ dismiss_when: when })
      expect(pick(rows.get(KEY(yes)))).toEqual({ determination: 'dismiss', layer: 'policy', rule_id: id })
      expect(rows.get(KEY(no))!.layer).toBe('statute')
      expect(rows.get(KEY(no))!.determination).toBe(rows.get(KEY(no))!.statute_determination)
    },
  )

  it('only_prop64_convictions also holds while a sentence is still running (BEAR did not check sentences)', async () => {
    const rows = await decide({ dismiss_when: { only_prop64_convictions: true } })
    const r = rows.get(KEY('113'))!
    expect(pick(r)).toEqual({ determination: 'dismiss', layer: 'policy', rule_id: 'DA-DISMISS-ONLY-P64' })
    expect(r.remedy).toBe('recall_and_resentence')
  })

  it('reaches misdemeanors only when the policy takes misdemeanors on', async () => {
    const statute = await decide({ dismiss_when: { deceased: true } })
    expect(pick(statute.get(KEY('124')))).toEqual({
      determination: 'not_eligible',
      layer: 'statute',
      rule_id: 'P64-11359-MISD',
    })
    const reduce = await decide({ misdemeanor: 'reduce', dismiss_when: { deceased: true } })
    expect(pick(reduce.get(KEY('124')))).toEqual({
      determination: 'dismiss',
      layer: 'policy',
      rule_id: 'DA-DISMISS-DECEASED',
    })
    expect(pick(reduce.get(KEY('103')))).toEqual({
      determination: 'reduce',
      layer: 'policy',
      rule_id: 'DA-MISD-REDUCE',
    })
  })

  it('comes after the baseline dismissals and before the baseline reductions', async () => {
    const rows = await decide({ felony: ALL_REDUCE, dismiss_when: { age_at_least: 50 } })
    expect(pick(rows.get(KEY('106')))).toEqual({
      determination: 'dismiss',
      layer: 'policy',
      rule_id: 'DA-DISMISS-AGE',
    })
    expect(pick(rows.get(KEY('107')))).toEqual({
      determination: 'reduce',
      layer: 'statute',
      rule_id: 'P64-FEL-REDUCE',
    })
  })
})

describe('policy key: exclude_when', () => {
  it('superstrike_prior: a prior super-strike keeps the statute not_eligible; a later one does not count', async () => {
    const without = await decide({ felony: ALL_DISMISS })
    expect(pick(without.get(KEY('116', '002001001000')))?.determination).toBe('dismiss')
    const rows = await decide({ felony: ALL_DISMISS, exclude_when: { superstrike_prior: true } })
    expect(pick(rows.get(KEY('116', '002001001000')))).toEqual({
      determination: 'not_eligible',
      layer: 'statute',
      rule_id: 'P64-DQ-01',
    })
    expect(pick(rows.get(KEY('117')))).toEqual({
      determination: 'dismiss',
      layer: 'policy',
      rule_id: 'DA-FEL-DISMISS',
    })
  })

  it('pc290: a PC 290 registration before the offense (its conviction not in the record) is a statute review the DA may challenge', async () => {
    expect(pick((await decide({ felony: ALL_DISMISS })).get(KEY('118', '002001001000')))?.determination).toBe(
      'dismiss',
    )
    const rows = await decide({ felony: ALL_DISMISS, exclude_when: { pc290: true } })
    const r = rows.get(KEY('118', '002001001000'))!
    // Issue 10 pt 4: a registration is not a conviction, so the statute alone says review, naming the fact.
    expect(r.statute_determination).toBe('review')
    expect(pick(r)).toEqual({ determination: 'not_eligible', layer: 'policy', rule_id: 'DA-EXCL-PC290' })
    expect(r.reason).toContain('the DA challenges it (HS 11361.9(c))')
    expect(pick(rows.get(KEY('101')))?.determination).toBe('dismiss')
  })

  it('two_priors: the DA challenges a count the statute left to review, and says so', async () => {
    const rows = await decide({ felony: ALL_DISMISS, exclude_when: { two_priors: true } })
    const r = rows.get(KEY('119', '003001001000'))!
    expect(pick(r)).toEqual({ determination: 'not_eligible', layer: 'policy', rule_id: 'DA-EXCL-TWO-PRIORS' })
    expect(r.statute_determination).toBe('review')
    expect(r.reason).toContain('the DA challenges it (HS 11361.9(c))')
    expect(r.remedy).toBe('not_eligible')
    // One prior only: not excluded.
    expect(pick(rows.get(KEY('119', '002001001000')))?.determination).toBe('dismiss')
    // Without the key the same count is dismissed.
    expect(pick((await decide({ felony: ALL_DISMISS })).get(KEY('119', '003001001000')))?.determination).toBe(
      'dismiss',
    )
  })
})

describe('policy key: related_charges', () => {
  const related = ['HS 11364', 'PC 148', 'PC 647(F)', { section: 'BP 4060', outcome: 'review' }]

  it('adds listed convictions from a cycle with Prop 64 relief, as policy rows out of statute scope', async () => {
    const rows = await decide({ felony: { 'HS 11359': 'dismiss' }, related_charges: related })
    const r = rows.get(KEY('120', '001002002000'))!
    expect(r).toMatchObject({
      code_section: 'HS 11364',
      determination: 'dismiss',
      layer: 'policy',
      rule_id: 'DA-RELATED-DISMISS',
      statute_determination: 'not_eligible',
      statute_rule_id: 'P64-SCOPE-01',
      remedy: 'dismiss_and_seal',
    })
    expect(r.reason).toContain('out of statute scope')
    expect(r.reason).toContain('count 001002001000 HS 11359 (dismiss)')
    expect(pick(rows.get(KEY('120', '001002004000')))).toEqual({
      determination: 'review',
      layer: 'policy',
      rule_id: 'DA-RELATED-REVIEW',
    })
    expect(rows.get(KEY('120', '001002006000'))?.code_section).toBe('PC 647(F)')
    // Not listed (459, 647(B)), or listed but in a cycle without Prop 64 (148): no row.
    for (const cnt of ['001002003000', '001002005000', '002002001000'])
      expect(rows.has(KEY('120', cnt))).toBe(false)
  })

  it('needs relief in the cycle: none after Prop 64, none when the Prop 64 count gets none', async () => {
    const rows = await decide({ related_charges: related })
    expect(rows.has(KEY('121', '001002002000'))).toBe(false)
    expect(rows.has(KEY('122', '001002002000'))).toBe(false)
    const misd = await decide({ misdemeanor: 'dismiss', related_charges: related })
    expect(misd.get(KEY('122', '001002002000'))?.rule_id).toBe('DA-RELATED-DISMISS')
    expect(misd.has(KEY('121', '001002002000'))).toBe(false)
  })

  it('counts a Prop 64 charge that ended without any Prop 64 conviction (plea bargain)', async () => {
    const rows = await decide({ related_charges: related })
    const r = rows.get(KEY('123', '001002001000'))!
    expect(r.rule_id).toBe('DA-RELATED-DISMISS')
    expect(r.reason).toContain('ended without a Prop 64 conviction')
  })

  it('adds no rows when the key is absent', async () => {
    const rows = await decide({ felony: ALL_DISMISS, misdemeanor: 'dismiss' })
    expect([...rows.values()].filter((r) => r.statute_rule_id === 'P64-SCOPE-01')).toEqual([])
  })
})

describe('what no policy changes', () => {
  it('an offense after Prop 64 stays not_eligible by the statute, even under dismiss-all', async () => {
    const rows = await h.decide('dismiss-all')
    expect(pick(rows.get(KEY('125')))).toEqual({
      determination: 'not_eligible',
      layer: 'statute',
      rule_id: 'P64-TIME-01',
    })
  })

  it('the statute preset changes nothing', async () => {
    for (const r of (await h.decide('statute')).values()) {
      expect(r.layer).toBe('statute')
      expect(r.determination).toBe(r.statute_determination)
      expect(r.policy).toBe('statute')
    }
  })
})
