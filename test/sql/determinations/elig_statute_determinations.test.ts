/**
 * elig_statute_determinations over hand-made int_prop64_counts rows: its grain, the columns it adds, and what the
 * model itself does around the rules (first match wins, the trail, the detail appended to a reason, the remedy
 * track, the reduced level). Each rule's legal cases are the statute truth table's (test/sql/rules).
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { runModel } from '../../helpers/model-fixture.ts'
import { p64Count, prop64Counts, sectionParts } from '../../helpers/prop64-counts-fixture.ts'
import { elig_statute_determinations } from '../../../sql/determinations/elig_statute_determinations.ts'
import { STATUTE_RULES } from '../../../sql/rules/statute/registry.ts'
import { DETERMINATIONS, REMEDIES } from '../../../data-contracts/determinations.ts'
import type { Cell } from '../../helpers/model-fixture.ts'

type Row = Record<string, unknown> & {
  subject_id: string
  cnt_order: string
  statute_determination: string
  statute_rule_id: string
  statute_citation: string
  statute_reason: string
  statute_reduced_level: string | null
  /** Every rule that holds, in rule order, joined by ' > '. */
  statute_rule_trail: string
  statute_remedy: string
}

async function decide(rows: Record<string, Cell>[]): Promise<Row[]> {
  const run = await runModel(elig_statute_determinations, { int_prop64_counts: prop64Counts(rows) })
  try {
    return await run.rows<Row>('subject_id, cnt_order')
  } finally {
    run.close()
  }
}

const ADDED = [
  'statute_rule_trail',
  'statute_determination',
  'statute_rule_id',
  'statute_citation',
  'statute_reason',
  'statute_reduced_level',
  'statute_remedy',
  // What count_decisions keeps of the citation and reason: the deciding rule's rank and the reason's detail.
  'statute_rule_rank',
  'statute_reason_detail',
]

describe('elig_statute_determinations', () => {
  it('keeps every input column, adds the statute columns, and leaks no working column', async () => {
    const [row] = await decide([p64Count({ subject_id: 'A', cnt_order: '001001001' })])
    const input = Object.keys(prop64Counts([]).columns)
    expect(Object.keys(row!).sort()).toEqual([...input, ...ADDED].sort())
    expect(row).toMatchObject({
      subject_id: 'A',
      cnt_order: '001001001',
      conviction_date: '2015-06-01',
      statute_determination: 'dismiss',
      statute_rule_id: 'P64-11357B-01',
      statute_citation: 'HS 11361.8(e)–(f); HS 11362.1(a)(1)',
      statute_reduced_level: null,
      statute_remedy: 'dismiss_and_seal',
    })
    expect(row!.statute_reason).toMatch(/^Dismiss and seal: possession of 28\.5 g or less/)
  })

  it('first matching rule decides; the trail lists every rule that holds, in rule order', async () => {
    // An unreadable line in the history (P64-DATA-04) outranks an offense after Prop 64 (P64-TIME-01).
    const [row] = await decide([
      p64Count({ incomplete_history_lines: '12, 14', offense_era: 'after', offense_date: '2017-01-01' }),
    ])
    expect(row).toMatchObject({ statute_determination: 'review', statute_rule_id: 'P64-DATA-04' })
    expect(row!.statute_rule_trail).toBe('P64-DATA-04 > P64-TIME-01 > P64-11357B-01 > P64-REVIEW-99')
    // The rule's reason, then the detail the model adds for this rule only.
    expect(row!.statute_reason).toMatch(/^Needs review: a line of this person's record could not be read/)
    expect(row!.statute_reason).toMatch(/ Lines not read: 12, 14\.$/)
    // The same, as count_decisions keeps it: the rank of P64-DATA-04 and the detail alone.
    expect(row).toMatchObject({
      statute_rule_rank: STATUTE_RULES.findIndex((r) => r.id === 'P64-DATA-04') + 1,
      statute_reason_detail: 'Lines not read: 12, 14.',
    })
  })

  it('no detail is appended to the reason of a rule without one', async () => {
    const [row] = await decide([p64Count({ offense_era: 'after', offense_date: '2017-01-01' })])
    expect(row).toMatchObject({ statute_determination: 'not_eligible', statute_rule_id: 'P64-TIME-01' })
    const rule = STATUTE_RULES.find((r) => r.id === 'P64-TIME-01')!
    expect(row!.statute_citation).toBe(rule.citation)
    expect(row!.statute_reason).not.toMatch(/Lines not read/)
  })

  it('the remedy track: recall while the sentence runs, else dismiss and seal or redesignate', async () => {
    const rows = await decide([
      p64Count({ subject_id: 'A' }),
      p64Count({ subject_id: 'B', sentence_running: true }),
      p64Count({ subject_id: 'C', ...sectionParts('HS 11359'), conviction_level: 'felony' }),
      p64Count({
        subject_id: 'D',
        ...sectionParts('HS 11359'),
        conviction_level: 'felony',
        sentence_running: true,
      }),
      p64Count({ subject_id: 'E', ...sectionParts('HS 11357(C)') }),
      p64Count({ subject_id: 'F', ...sectionParts('HS 11357(C)'), sentence_running: true }),
      p64Count({ subject_id: 'G', ...sectionParts('HS 11358'), conviction_level: 'misdemeanor' }),
    ])
    expect(rows.map((r) => [r.subject_id, r.statute_determination, r.statute_remedy])).toEqual([
      ['A', 'dismiss', 'dismiss_and_seal'],
      ['B', 'dismiss', 'recall_and_resentence'],
      ['C', 'reduce', 'redesignate'],
      ['D', 'reduce', 'recall_and_resentence'],
      ['E', 'not_eligible', 'not_eligible'],
      // A running sentence does not turn a refusal or a review into a recall.
      ['F', 'not_eligible', 'not_eligible'],
      ['G', 'review', 'review'],
    ])
  })

  it('a reduction says to what level (infraction under 18); other outcomes carry none', async () => {
    const rows = await decide([
      p64Count({ subject_id: 'A', ...sectionParts('HS 11360(A)'), conviction_level: 'felony' }),
      p64Count({
        subject_id: 'B',
        ...sectionParts('HS 11360(A)'),
        conviction_level: 'felony',
        age_at_offense: 17,
      }),
      p64Count({ subject_id: 'C', ...sectionParts('HS 11357(B)'), age_at_offense: 19 }),
      p64Count({ subject_id: 'D' }),
    ])
    expect(rows.map((r) => [r.subject_id, r.statute_rule_id, r.statute_reduced_level])).toEqual([
      ['A', 'P64-FEL-REDUCE', 'misdemeanor'],
      ['B', 'P64-FEL-REDUCE', 'infraction'],
      ['C', 'P64-11357-UNDER21', 'infraction'],
      ['D', 'P64-11357B-01', null],
    ])
  })

  it('two counts of one person are decided on their own facts', async () => {
    const rows = await decide([
      p64Count({ subject_id: 'A', cnt_order: '001001001' }),
      p64Count({ subject_id: 'A', cnt_order: '002001001', conviction_date: null }),
    ])
    expect(rows.map((r) => [r.cnt_order, r.statute_rule_id])).toEqual([
      ['001001001', 'P64-11357B-01'],
      ['002001001', 'P64-DATA-01'],
    ])
  })

  it('property: every input count gets exactly one row, decided by the head of its own trail', async () => {
    const RULE_IDS = STATUTE_RULES.map((r) => r.id)
    const countArb = fc.record({
      code: fc.constantFrom(
        'HS 11357',
        'HS 11357(A)',
        'HS 11357(B)',
        'HS 11357(C)',
        'HS 11357(E)',
        'HS 11358',
        'HS 11359',
        'HS 11360(A)',
        'HS 11360(B)',
        'HS 11362.1',
      ),
      level: fc.constantFrom('felony', 'misdemeanor', 'infraction', null),
      age: fc.option(fc.integer({ min: 12, max: 70 }), { freq: 5 }),
      era: fc.constantFrom('before', 'before', 'after', 'unknown'),
      convicted: fc.option(fc.constant('2015-06-01'), { freq: 8 }),
      priors: fc.integer({ min: 0, max: 3 }),
      superstrike: fc.boolean(),
      conspiracy: fc.boolean(),
      running: fc.boolean(),
    })
    await fc.assert(
      fc.asyncProperty(fc.array(countArb, { minLength: 1, maxLength: 12 }), async (counts) => {
        const input = counts.map((c, i) =>
          p64Count({
            subject_id: `P${i % 4}`,
            cnt_order: `00${i}001001`,
            ...sectionParts(c.code),
            conviction_level: c.level,
            age_at_offense: c.age,
            offense_era: c.era,
            conviction_date: c.convicted,
            same_section_priors: c.priors,
            prior_superstrike: c.superstrike,
            is_conspiracy: c.conspiracy,
            sentence_running: c.running,
          }),
        )
        const rows = await decide(input)
        expect(rows.map((r) => `${r.subject_id}/${r.cnt_order}`).sort()).toEqual(
          input.map((r) => `${String(r.subject_id)}/${String(r.cnt_order)}`).sort(),
        )
        for (const r of rows) {
          expect(DETERMINATIONS).toContain(r.statute_determination)
          expect(REMEDIES).toContain(r.statute_remedy)
          expect(RULE_IDS).toContain(r.statute_rule_id)
          const trail = r.statute_rule_trail.split(' > ')
          expect(trail[0]).toBe(r.statute_rule_id)
          expect(trail.at(-1)).toBe('P64-REVIEW-99')
          expect(trail.every((id) => RULE_IDS.includes(id))).toBe(true)
          expect(r.statute_reduced_level !== null).toBe(r.statute_determination === 'reduce')
        }
      }),
      { numRuns: 25 },
    )
  })
})
