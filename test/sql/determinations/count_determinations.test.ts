/**
 * count_determinations (a view over count_decisions): the published row per count. Over hand-made statute and
 * policy layers: how the two join (the policy's rule, citation, reason, remedy and reduced level where it changed
 * the outcome, else the statute rule's, written out from its rank and detail), how related charges appear,
 * the derived and formatted columns, the --county filter. Over the real layers built from int_prop64_counts rows
 * (fast-check properties): every input count gets exactly one row, and a statute row's citation, reason and trail
 * are the statute layer's own texts.
 */
import { int_prop64_charges } from '../../../sql/intermediate/int_prop64_charges.ts'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { runModel, type Cell } from '../../helpers/model-fixture.ts'
import {
  decidedBy,
  policyRow,
  runOverLayers,
  statuteRow,
  statuteRule,
} from '../../helpers/determination-layers-fixture.ts'
import { chargeLineTables } from '../../helpers/charge-lines-fixture.ts'
import {
  convictionOf,
  convictions,
  p64Count,
  prop64Counts,
  sectionParts,
} from '../../helpers/prop64-counts-fixture.ts'
import { count_determinations } from '../../../sql/determinations/count_determinations.ts'
import { count_decisions } from '../../../sql/determinations/count_decisions.ts'
import { elig_statute_determinations } from '../../../sql/determinations/elig_statute_determinations.ts'
import { elig_policy_determinations } from '../../../sql/determinations/elig_policy_determinations.ts'
import { run_params } from '../../../sql/seeds/run_params.ts'
import { ref_race_codes } from '../../../sql/seeds/reference_tables.ts'
import { COUNT_DETERMINATIONS_COLUMNS } from '../../../data-contracts/outputs/count-determinations.contract.ts'
import { RELATED_CHARGE_RULE_ID } from '../../../data-contracts/determinations.ts'
import type { ModelContext } from '../../../sql/model.ts'

type Row = Record<string, unknown> & { subject_id: string; cnt_order: string; is_related: boolean }

async function publish(
  statute: Record<string, Cell>[],
  policy: Record<string, Cell>[],
  ctx: Partial<ModelContext> = {},
): Promise<Row[]> {
  const run = await runOverLayers(count_determinations, statute, policy, ctx)
  try {
    return await run.rows<Row>('subject_id, cnt_order')
  } finally {
    run.close()
  }
}

describe('count_determinations', () => {
  it('publishes the contract columns in order; a statute row keeps the statute rule, citation, reason, remedy', async () => {
    const rows = await publish(
      [
        statuteRow({
          prior_superstrike_sections: { sql: "['PC 187', 'PC 211']" },
          qualifier_text: 'BI (attempt)',
          charged_code_section: 'HS 11359',
          same_section_priors: 1,
        }),
      ],
      [policyRow()],
    )
    expect(Object.keys(rows[0]!)).toEqual([...COUNT_DETERMINATIONS_COLUMNS])
    expect(rows[0]).toEqual({
      subject_id: 'A',
      cnt_order: '001001001',
      county: 'ALAMEDA',
      court: 'ALAMEDA SUPERIOR',
      case_number: 'CASE1',
      conviction_date: '2015-06-01',
      code_section: 'HS 11357(B)',
      conviction_level: 'misdemeanor',
      statute_determination: 'dismiss',
      determination: 'dismiss',
      layer: 'statute',
      rule_id: 'P64-11357B-01',
      citation: 'HS 11361.8(e)–(f); HS 11362.1(a)(1)',
      reason: statuteRule('P64-11357B-01').reason,
      remedy: 'dismiss_and_seal',
      statute_rule_id: 'P64-11357B-01',
      rule_trail: 'P64-11357B-01 > P64-REVIEW-99',
      offense_date: '2015-01-01',
      age_at_offense: '30',
      sentence_end_date: '2015-07-01',
      same_section_priors: '1',
      prior_superstrike_sections: 'PC 187; PC 211',
      prior_pc290_sections: '',
      prior_pc290_registration: false,
      deceased: false,
      gender: 'M',
      race_code: 'W',
      race_group: 'white_nh',
      age_at_conviction: '30',
      conviction_year: '2015',
      policy: 'some-policy',
      is_related: false,
      reduced_level: null,
      qualifiers: 'BI (attempt)',
      // Published only where the charge differs from the conviction.
      charged_code_section: 'HS 11359',
      age_source: 'dob',
    })
  })

  it('where the policy changed the outcome, its rule, citation, reason and remedy replace the statute ones', async () => {
    const rows = await publish(
      [
        statuteRow({
          statute_determination: 'review',
          ...decidedBy('P64-DQ-03', 'P64-FEL-REDUCE', 'P64-REVIEW-99'),
          statute_remedy: 'review',
        }),
      ],
      [
        policyRow({
          determination: 'dismiss',
          layer: 'policy',
          rule_id: 'DA-MISD-DISMISS',
          citation: 'DA policy x',
          reason: 'Dismiss (DA policy). Statute alone: review by P64-DQ-03; the policy decides it.',
          remedy: 'recall_and_resentence',
        }),
      ],
    )
    expect(rows[0]).toMatchObject({
      statute_determination: 'review',
      determination: 'dismiss',
      layer: 'policy',
      rule_id: 'DA-MISD-DISMISS',
      citation: 'DA policy x',
      reason: 'Dismiss (DA policy). Statute alone: review by P64-DQ-03; the policy decides it.',
      remedy: 'recall_and_resentence',
      statute_rule_id: 'P64-DQ-03',
      // The statute's own trail, whoever decided.
      rule_trail: 'P64-DQ-03 > P64-FEL-REDUCE > P64-REVIEW-99',
      charged_code_section: null, // same as the conviction
    })
  })

  it("a statute row's citation, reason and trail are its rule's, by rank; the reason ends with the row's detail", async () => {
    const rows = await publish(
      [
        statuteRow({
          subject_id: 'A',
          statute_determination: 'review',
          ...decidedBy('P64-DATA-04', 'P64-TIME-01', 'P64-11357B-01', 'P64-REVIEW-99'),
          statute_reason_detail: 'Lines not read: 12, 14.',
        }),
        statuteRow({ subject_id: 'B', statute_determination: 'review', ...decidedBy('P64-REVIEW-99') }),
      ],
      [
        policyRow({ subject_id: 'A', determination: 'review' }),
        policyRow({ subject_id: 'B', determination: 'review' }),
      ],
    )
    expect(rows[0]).toMatchObject({
      rule_id: 'P64-DATA-04',
      citation: statuteRule('P64-DATA-04').citation,
      reason: `${statuteRule('P64-DATA-04').reason} Lines not read: 12, 14.`,
      rule_trail: 'P64-DATA-04 > P64-TIME-01 > P64-11357B-01 > P64-REVIEW-99',
    })
    expect(rows[1]).toMatchObject({
      rule_id: 'P64-REVIEW-99',
      citation: statuteRule('P64-REVIEW-99').citation,
      reason: statuteRule('P64-REVIEW-99').reason,
      rule_trail: 'P64-REVIEW-99',
    })
  })

  it('reduced_level: the policy rule level, else the statute one, and only on a reduction', async () => {
    const reduceStatute = {
      statute_determination: 'reduce',
      statute_rule_id: 'P64-FEL-REDUCE',
      statute_remedy: 'redesignate',
      statute_reduced_level: 'misdemeanor',
    }
    const rows = await publish(
      [
        statuteRow({ subject_id: 'A', ...reduceStatute }),
        statuteRow({ subject_id: 'B', ...reduceStatute }),
        statuteRow({ subject_id: 'C', ...reduceStatute }),
        statuteRow({ subject_id: 'D', statute_determination: 'review', statute_reduced_level: null }),
      ],
      [
        // Statute reduction stands: its level.
        policyRow({ subject_id: 'A', determination: 'reduce' }),
        // The policy dismisses instead: no level, although the statute had one.
        policyRow({ subject_id: 'B', determination: 'dismiss', layer: 'policy', rule_id: 'DA-X' }),
        // A policy reduction with its own level wins over the statute's.
        policyRow({ subject_id: 'C', determination: 'reduce', reduced_level: 'infraction' }),
        // A policy reduction of a reviewed count whose rule names no level: none to fall back to.
        policyRow({ subject_id: 'D', determination: 'reduce', layer: 'policy', rule_id: 'DA-FEL-REDUCE' }),
      ],
    )
    expect(rows.map((r) => [r.subject_id, r.determination, r.reduced_level])).toEqual([
      ['A', 'reduce', 'misdemeanor'],
      ['B', 'dismiss', null],
      ['C', 'reduce', 'infraction'],
      ['D', 'reduce', null],
    ])
  })

  it('a related charge appears once, with its own facts and is_related; race groups fall back to unknown', async () => {
    const rows = await publish(
      [statuteRow({ subject_id: 'A', race_code: 'H' }), statuteRow({ subject_id: 'B', race_code: 'Q' })],
      [
        policyRow({ subject_id: 'A' }),
        policyRow({ subject_id: 'B' }),
        {
          ...statuteRow({
            subject_id: 'A',
            cnt_order: '001002001',
            code_section: 'PC 148',
            charged_code_section: 'PC 148',
            county: 'YOLO',
            race_code: 'H',
            statute_determination: 'not_eligible',
            statute_rule_id: RELATED_CHARGE_RULE_ID,
            statute_rule_trail: RELATED_CHARGE_RULE_ID,
            prior_superstrike_sections: null,
            prior_pc290_sections: null,
          }),
          ...policyRow({
            subject_id: 'A',
            cnt_order: '001002001',
            is_related: true,
            determination: 'dismiss',
            layer: 'policy',
            rule_id: 'DA-RELATED-DISMISS',
            remedy: 'dismiss_and_seal',
          }),
        },
      ],
    )
    expect(rows.map((r) => [r.subject_id, r.cnt_order, r.is_related, r.race_group])).toEqual([
      ['A', '001001001', false, 'hispanic'],
      ['A', '001002001', true, 'hispanic'],
      ['B', '001001001', false, 'unknown'],
    ])
    expect(rows[1]).toMatchObject({
      county: 'YOLO',
      code_section: 'PC 148',
      statute_determination: 'not_eligible',
      statute_rule_id: RELATED_CHARGE_RULE_ID,
      rule_trail: RELATED_CHARGE_RULE_ID,
      determination: 'dismiss',
      rule_id: 'DA-RELATED-DISMISS',
      remedy: 'dismiss_and_seal',
      prior_superstrike_sections: null,
    })
  })

  it('--county keeps the convictions entered in that county only, related charges included', async () => {
    const rows = await publish(
      [statuteRow({ subject_id: 'A' }), statuteRow({ subject_id: 'B', county: 'YOLO' })],
      [
        policyRow({ subject_id: 'A' }),
        policyRow({ subject_id: 'B' }),
        { ...statuteRow({ subject_id: 'A', cnt_order: '001002001', county: 'YOLO' }), is_related: true },
        { ...statuteRow({ subject_id: 'B', cnt_order: '001002001', county: 'ALAMEDA' }), is_related: true },
      ],
      { county: 'YOLO' },
    )
    expect(rows.map((r) => [r.subject_id, r.cnt_order, r.county])).toEqual([
      ['A', '001002001', 'YOLO'],
      ['B', '001001001', 'YOLO'],
    ])
  })

  it('age at conviction needs a DOB on or before the conviction', async () => {
    const rows = await publish(
      [
        statuteRow({ subject_id: 'A', dob: null }),
        statuteRow({ subject_id: 'B', dob: '2016-01-01' }),
        statuteRow({ subject_id: 'C', dob: '1997-06-02' }), // 17 the day before the birthday
      ],
      ['A', 'B', 'C'].map((subject_id) => policyRow({ subject_id })),
    )
    expect(rows.map((r) => r.age_at_conviction)).toEqual([null, null, '17'])
  })

  it('property: over the real statute and policy layers, every input count gets exactly one row', async () => {
    const POLICIES = ['statute', 'los-angeles-2020', 'sacramento-2019', 'san-joaquin-2019', 'dismiss-all']
    const countArb = fc.record({
      subject: fc.integer({ min: 0, max: 3 }),
      code: fc.constantFrom(
        'HS 11357(B)',
        'HS 11357(C)',
        'HS 11358',
        'HS 11359',
        'HS 11360(A)',
        'HS 11360(B)',
      ),
      level: fc.constantFrom('felony', 'misdemeanor', 'infraction', null),
      age: fc.option(fc.integer({ min: 14, max: 70 }), { freq: 5 }),
      era: fc.constantFrom('before', 'before', 'after'),
      priors: fc.integer({ min: 0, max: 2 }),
      relatedCharge: fc.boolean(),
      // Lines of the record set aside (P64-DATA-04, whose reason names them).
      incomplete: fc.constantFrom(null, null, null, '7, 9'),
    })
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...POLICIES),
        fc.array(countArb, { minLength: 1, maxLength: 10 }),
        async (policyName, specs) => {
          const counts = specs.map((c, i) =>
            p64Count({
              subject_id: `P${c.subject}`,
              cnt_order: `00${i}001001`,
              ...sectionParts(c.code),
              conviction_level: c.level,
              age_at_offense: c.age,
              offense_era: c.era,
              old_law_offense: c.era === 'before',
              same_section_priors: c.priors,
              incomplete_history_lines: c.incomplete,
            }),
          )
          // A listed related charge (PC 148) in the cycle of some counts.
          const others = specs.flatMap((c, i) =>
            c.relatedCharge
              ? [
                  p64Count({
                    subject_id: `P${c.subject}`,
                    cnt_order: `00${i}002001`,
                    ...sectionParts('PC 148'),
                  }),
                ]
              : [],
          )
          const subjects = [0, 1, 2, 3].map((s) => ({
            subject_id: `P${s}`,
            dob: '1980-01-01',
            deceased: false,
            gender: 'F',
            race_code: 'B',
          }))
          const run = await runModel(
            count_determinations,
            {
              int_prop64_counts: prop64Counts(counts),
              int_convictions: convictions([...counts, ...others].map(convictionOf)),
              int_subjects: {
                columns: {
                  subject_id: 'varchar',
                  dob: 'date',
                  deceased: 'boolean',
                  gender: 'varchar',
                  race_code: 'varchar',
                },
                rows: subjects,
              },
              ...chargeLineTables([]),
            },
            {
              seeds: [run_params, ref_race_codes],
              also: [
                int_prop64_charges,
                elig_statute_determinations,
                elig_policy_determinations,
                count_decisions,
              ],
              ctx: { policyName },
            },
          )
          let rows: Row[]
          let statute: Record<string, unknown>[]
          try {
            rows = await run.rows<Row>()
            statute = await run.db.rows(
              `select subject_id, cnt_order, statute_citation, statute_reason, statute_rule_trail
               from elig_statute_determinations`,
            )
          } finally {
            run.close()
          }
          const key = (r: Record<string, unknown>) => `${String(r.subject_id)}/${String(r.cnt_order)}`
          const p64 = rows.filter((r) => !r.is_related)
          expect(p64.map(key).sort()).toEqual(counts.map(key).sort())
          const related = rows.filter((r) => r.is_related)
          expect(new Set(rows.map(key)).size).toBe(rows.length)
          for (const r of related) {
            expect(others.map(key)).toContain(key(r))
            expect(r).toMatchObject({ statute_rule_id: RELATED_CHARGE_RULE_ID, policy: policyName })
          }
          if (policyName !== 'san-joaquin-2019') expect(related).toEqual([])
          // Where the statute decided, the texts written out from the rank and detail are the statute
          // layer's own; the trail is the statute's on every Prop 64 row.
          const byKey = new Map(statute.map((r) => [key(r), r]))
          for (const r of p64) {
            const s = byKey.get(key(r))!
            expect(r.rule_trail).toBe(s.statute_rule_trail)
            if (r.layer === 'statute')
              expect([r.citation, r.reason]).toEqual([s.statute_citation, s.statute_reason])
          }
        },
      ),
      { numRuns: 20 },
    )
  })
})
