/**
 * elig_policy_determinations over hand-made upstream tables (the statute layer built from int_prop64_counts
 * rows): what the policy layer itself decides. The statute outcome stands unless the policy gives more relief or
 * challenges a count the statute left to review; record-wide facts read every conviction; the policy reaches
 * old-law HS 11357–11360 only; related charges appear as policy rows of their own, anchored in their cycle.
 */
import { int_prop64_charges } from '../../../sql/intermediate/int_prop64_charges.ts'
import { describe, expect, it } from 'vitest'
import { runModel, type Cell, type FixtureTable } from '../../helpers/model-fixture.ts'
import { chargeLineTables, type ChargeLine } from '../../helpers/charge-lines-fixture.ts'
import {
  convictionOf,
  convictions,
  p64Count,
  prop64Counts,
  sectionParts,
} from '../../helpers/prop64-counts-fixture.ts'
import { elig_statute_determinations } from '../../../sql/determinations/elig_statute_determinations.ts'
import { elig_policy_determinations } from '../../../sql/determinations/elig_policy_determinations.ts'
import { run_params } from '../../../sql/seeds/run_params.ts'
import { RELATED_CHARGE_RULE_ID } from '../../../data-contracts/determinations.ts'

type Row = Record<string, unknown> & {
  subject_id: string
  cnt_order: string
  determination: string
  layer: string
  rule_id: string | null
  reason: string | null
  remedy: string | null
}

const SUBJECT_COLUMNS = {
  subject_id: 'varchar',
  dob: 'date',
  deceased: 'boolean',
  gender: 'varchar',
  race_code: 'varchar',
}

interface Upstream {
  counts: Record<string, Cell>[]
  /** Convictions beyond the counts themselves (every count is also a conviction). */
  others?: Record<string, Cell>[]
  subjects?: Record<string, Cell>[]
  steps?: ChargeLine[]
}

async function decide(policyName: string, up: Upstream): Promise<Row[]> {
  const tables: Record<string, FixtureTable> = {
    int_prop64_counts: prop64Counts(up.counts),
    int_convictions: convictions([...up.counts, ...(up.others ?? [])].map(convictionOf)),
    int_subjects: { columns: SUBJECT_COLUMNS, rows: up.subjects ?? [] },
    ...chargeLineTables(up.steps ?? []),
  }
  const run = await runModel(elig_policy_determinations, tables, {
    seeds: [run_params],
    also: [int_prop64_charges, elig_statute_determinations],
    ctx: { policyName },
  })
  try {
    return await run.rows<Row>('subject_id, cnt_order')
  } finally {
    run.close()
  }
}

const felony = (code: string, over: Record<string, Cell> = {}) =>
  p64Count({ ...sectionParts(code), conviction_level: 'felony', ...over })
/** A later conviction of another offense, so "crime-free" and "only Prop 64" conditions do not hold. */
const burglary2020 = (subject_id: string) =>
  p64Count({
    subject_id,
    cnt_order: '009001001',
    ...sectionParts('PC 459'),
    conviction_date: '2020-01-01',
    offense_date: '2019-06-01',
  })

describe('elig_policy_determinations', () => {
  it('under the statute policy every row is the statute row: its outcome, layer statute, no rule of its own', async () => {
    const rows = await decide('statute', {
      counts: [
        p64Count({ subject_id: 'A', cnt_order: '001001001', cyc_order: '7' }),
        felony('HS 11359', { subject_id: 'B', cnt_order: '002001001' }),
      ],
      others: [p64Count({ subject_id: 'A', cnt_order: '007002001', ...sectionParts('PC 148') })],
    })
    expect(Object.keys(rows[0]!)).toEqual([
      'subject_id',
      'cnt_order',
      'is_related',
      'cycle',
      'policy_reach',
      'age_on_as_of',
      'age_at_conviction',
      'last_conviction_date',
      'convictions_on_record',
      'only_prop64',
      'all_sentences_done',
      'policy_outcome',
      'policy_rule_id',
      'policy_citation',
      'policy_reason',
      'policy_rule_trail',
      'determination',
      'layer',
      'rule_id',
      'citation',
      'reason',
      'remedy',
      'reduced_level',
      'policy_name',
    ])
    expect(rows).toHaveLength(2) // no related charge without a policy that lists one
    expect(rows[0]).toMatchObject({
      subject_id: 'A',
      is_related: false,
      cycle: 7, // CYC_ORDER when present
      policy_reach: true,
      age_on_as_of: '41', // bigint, read as text; born 1984-06-15, as of 2026-01-01
      age_at_conviction: '30',
      last_conviction_date: '2015-06-01',
      convictions_on_record: '2',
      only_prop64: false,
      all_sentences_done: true,
      policy_outcome: null,
      policy_rule_trail: [],
      determination: 'dismiss',
      layer: 'statute',
      rule_id: null,
      citation: null,
      reason: null,
      remedy: null,
      reduced_level: null,
      policy_name: 'statute',
    })
    expect(rows[1]).toMatchObject({ subject_id: 'B', cycle: 2, determination: 'reduce', layer: 'statute' })
  })

  it('a policy that gives more relief replaces the statute outcome and says what the statute alone gave', async () => {
    const rows = await decide('sacramento-2019', {
      counts: [
        // Statute: review (two same-section priors); Sacramento reduces every felony 11359.
        felony('HS 11359', { subject_id: 'A', same_section_priors: 2 }),
        // Statute: not eligible (more than 28.5 g); Sacramento dismisses every misdemeanor.
        p64Count({ subject_id: 'B', ...sectionParts('HS 11357(C)') }),
        p64Count({ subject_id: 'C', ...sectionParts('HS 11357(C)'), sentence_running: true }),
        // Statute: reduce; the policy also reduces: the statute row stands.
        felony('HS 11359', { subject_id: 'D' }),
      ],
      others: ['A', 'B', 'C', 'D'].map(burglary2020),
    })
    const [a, b, c, d] = rows
    expect(a).toMatchObject({
      determination: 'reduce',
      layer: 'policy',
      policy_rule_id: 'DA-FEL-REDUCE',
      rule_id: 'DA-FEL-REDUCE',
      remedy: 'redesignate',
      reduced_level: 'misdemeanor',
    })
    expect(a!.citation).toMatch(/^DA policy sacramento-2019: /)
    expect(a!.reason).toMatch(/^Redesignate \(DA policy\)/)
    expect(a!.reason).toMatch(/ Statute alone: review by P64-DQ-03; the policy decides it\.$/)
    expect(b).toMatchObject({ determination: 'dismiss', layer: 'policy', rule_id: 'DA-MISD-DISMISS' })
    expect(b!.remedy).toBe('dismiss_and_seal')
    expect(b!.reason).toMatch(
      / Statute alone: not_eligible by P64-11357C-01; the DA asks for more than HS 11361\.8 gives, in the interest of justice \(PC 1385\)\.$/,
    )
    expect(c).toMatchObject({ determination: 'dismiss', remedy: 'recall_and_resentence' })
    expect(d).toMatchObject({
      determination: 'reduce',
      layer: 'statute',
      policy_outcome: 'reduce',
      policy_rule_id: 'DA-FEL-REDUCE',
      rule_id: null,
      reason: null,
      remedy: null,
      reduced_level: null,
    })
  })

  it('a challenge decides only a count the statute left to review; it never takes relief away', async () => {
    const rows = await decide('los-angeles-2020', {
      counts: [
        // PC 290 registration the record does not explain: the statute reviews, LA challenges.
        felony('HS 11358', {
          subject_id: 'A',
          prior_pc290_registration: true,
          pc290_registration_unexplained: true,
        }),
        // Registration explained by a non-290(c) conviction: the statute reduces; LA's challenge does not undo it.
        felony('HS 11359', { subject_id: 'B', prior_pc290_registration: true }),
      ],
      others: ['A', 'B'].map(burglary2020),
    })
    expect(rows[0]).toMatchObject({
      determination: 'not_eligible',
      layer: 'policy',
      rule_id: 'DA-EXCL-PC290',
      remedy: 'not_eligible',
    })
    expect(rows[0]!.reason).toMatch(
      / Statute alone: review by P64-DQ-04; the DA challenges it \(HS 11361\.9\(c\)\)\.$/,
    )
    expect(rows[1]).toMatchObject({
      determination: 'reduce',
      layer: 'statute',
      policy_outcome: 'not_eligible',
      policy_rule_id: 'DA-EXCL-PC290',
      rule_id: null,
    })
  })

  it('record-wide facts read every conviction on the record, of any offense', async () => {
    const late = {
      conviction_date: '2018-06-01',
      offense_date: '2016-01-01',
      sentence_end_date: '2018-06-01',
    }
    const rows = await decide('los-angeles-2020', {
      counts: [
        felony('HS 11359', { subject_id: 'A', ...late }),
        felony('HS 11359', { subject_id: 'B', ...late }),
        felony('HS 11359', { subject_id: 'C', ...late }),
      ],
      others: [
        burglary2020('B'),
        // Another Prop 64 conviction whose sentence still runs on the as-of date.
        p64Count({ subject_id: 'C', cnt_order: '005001001', sentence_end_date: '2027-01-01' }),
      ],
    })
    expect(
      rows.map((r) => [r.subject_id, r.only_prop64, r.all_sentences_done, r.determination, r.rule_id]),
    ).toEqual([
      ['A', true, true, 'dismiss', 'DA-DISMISS-ONLY-P64-DONE'],
      ['B', false, true, 'reduce', null],
      ['C', true, false, 'reduce', null],
    ])
    expect(rows.map((r) => r.last_conviction_date)).toEqual(['2018-06-01', '2020-01-01', '2018-06-01'])
  })

  it('the policy does not reach a post-Prop 64 offense or a conspiracy', async () => {
    const rows = await decide('dismiss-all', {
      counts: [
        p64Count({
          subject_id: 'A',
          ...sectionParts('HS 11357(C)'),
          offense_era: 'after',
          old_law_offense: false,
          offense_date: '2017-01-01',
          conviction_date: '2017-06-01',
        }),
        felony('HS 11359', { subject_id: 'B', is_conspiracy: true }),
        p64Count({ subject_id: 'C', ...sectionParts('HS 11357(C)') }),
      ],
    })
    expect(
      rows.map((r) => [r.subject_id, r.policy_reach, r.policy_outcome, r.determination, r.layer]),
    ).toEqual([
      ['A', false, null, 'not_eligible', 'statute'],
      ['B', false, null, 'not_eligible', 'statute'],
      ['C', true, 'dismiss', 'dismiss', 'policy'],
    ])
  })

  it('related charges: listed convictions of a cycle with Prop 64 relief, as policy rows with their own facts', async () => {
    const anchor = p64Count({ subject_id: 'R', cnt_order: '001001001' })
    const other = (cnt_order: string, code: string, over: Record<string, Cell> = {}) =>
      p64Count({ subject_id: 'R', cnt_order, ...sectionParts(code), ...over })
    const rows = await decide('san-joaquin-2019', {
      counts: [anchor],
      others: [
        other('001002001', 'PC 148', { county: 'YOLO' }),
        other('001003001', 'BP 4060'),
        other('002001001', 'PC 148'), // another cycle: no anchor
        other('001004001', 'PC 148', { offense_date: '2017-01-01', conviction_date: '2017-02-01' }), // after Prop 64
        other('001005001', 'PC 459'), // not listed
        // A Prop 64 arrest in cycle 003 that ended in a trespass conviction: the plea-bargain anchor.
        p64Count({ subject_id: 'Q', cnt_order: '003001001', ...sectionParts('PC 602') }),
      ],
      subjects: [
        { subject_id: 'R', dob: '1980-01-01', deceased: false, gender: 'F', race_code: 'H' },
        { subject_id: 'Q', dob: '1990-03-01', deceased: false, gender: 'M', race_code: 'B' },
      ],
      steps: [
        {
          subject_id: 'Q',
          cyc_order: null,
          cnt_order: '003000001',
          code_type: 'HS',
          section: '11357',
          code_section: 'HS 11357(B)',
          is_conviction: false,
        },
      ],
    })
    const keys = rows.map((r) => `${r.subject_id}/${r.cnt_order}`)
    expect(keys).toEqual(['Q/003001001', 'R/001001001', 'R/001002001', 'R/001003001'])
    expect(new Set(keys).size).toBe(rows.length)
    const [q, , pc148, bp4060] = rows
    expect(pc148).toMatchObject({
      is_related: true,
      statute_determination: 'not_eligible',
      statute_rule_id: RELATED_CHARGE_RULE_ID,
      statute_rule_trail: RELATED_CHARGE_RULE_ID,
      determination: 'dismiss',
      layer: 'policy',
      rule_id: 'DA-RELATED-DISMISS',
      remedy: 'dismiss_and_seal',
      reduced_level: null,
      // Its own facts, not the anchor's.
      code_section: 'PC 148',
      county: 'YOLO',
      gender: 'F',
      race_code: 'H',
      age_at_offense: '35',
      policy_name: 'san-joaquin-2019',
    })
    expect(pc148!.reason).toMatch(
      / Anchor: a Prop 64 count that gets relief: count 001001001 HS 11357\(B\) \(dismiss\)\.$/,
    )
    expect(bp4060).toMatchObject({ is_related: true, determination: 'review', rule_id: 'DA-RELATED-REVIEW' })
    expect(bp4060!.remedy).toBe('review')
    expect(q).toMatchObject({ is_related: true, determination: 'dismiss', code_section: 'PC 602' })
    expect(q!.reason).toMatch(
      / Anchor: a Prop 64 charge that ended without a Prop 64 conviction: HS 11357\(B\)\.$/,
    )
    expect(rows[1]).toMatchObject({ is_related: false, determination: 'dismiss', layer: 'statute' })
  })
})
