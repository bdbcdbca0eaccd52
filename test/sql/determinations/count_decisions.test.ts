/**
 * count_decisions: the decision per count as stored, over hand-made statute and policy layers. What it adds to the
 * published row's logic (count_determinations.test.ts): its rows are stored in the published order, read with no
 * ORDER BY, and a statute rule's citation and reason are kept as the rule's rank and the reason's detail, never as
 * text; only texts that are not a statute rule's (the policy's, a related charge's) are stored.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { count_decisions } from '../../../sql/determinations/count_decisions.ts'
import { COUNT_DETERMINATIONS_ORDER } from '../../../data-contracts/outputs/count-determinations.contract.ts'
import {
  decidedBy,
  policyRow,
  rankOf,
  runOverLayers,
  statuteRow,
} from '../../helpers/determination-layers-fixture.ts'
import { RELATED_CHARGE_RULE_ID } from '../../../data-contracts/determinations.ts'

type Row = Record<string, unknown>

/** The table's rows as it stores them: no ORDER BY. */
async function stored(statute: Row[], policy: Row[]): Promise<Row[]> {
  const run = await runOverLayers(count_decisions, statute as never, policy as never)
  try {
    return await run.rows()
  } finally {
    run.close()
  }
}

describe('count_decisions', () => {
  it("keeps a statute rule's citation and reason as its rank and detail, and stores no text of them", async () => {
    const [row] = await stored(
      [
        statuteRow({
          statute_determination: 'review',
          ...decidedBy('P64-DATA-04', 'P64-REVIEW-99'),
          statute_reason_detail: 'Lines not read: 3.',
        }),
      ],
      [policyRow({ determination: 'review' })],
    )
    expect(row).toMatchObject({
      rule_id: 'P64-DATA-04',
      statute_rule_rank: rankOf('P64-DATA-04'),
      statute_reason_detail: 'Lines not read: 3.',
      citation: null,
      reason: null,
      rule_trail: 'P64-DATA-04 > P64-REVIEW-99',
    })
    // The statute layer's own citation and reason are not read at all.
    expect(Object.values(row!)).not.toContain('not read')
  })

  it("stores the policy's texts where it decided, and a related charge's own", async () => {
    const rows = await stored(
      [statuteRow({ subject_id: 'A', statute_determination: 'review', ...decidedBy('P64-DQ-03') })],
      [
        policyRow({
          subject_id: 'A',
          determination: 'dismiss',
          layer: 'policy',
          rule_id: 'DA-MISD-DISMISS',
          citation: 'DA policy x',
          reason: 'Dismiss (DA policy). Statute alone: review by P64-DQ-03; the policy decides it.',
        }),
        {
          ...statuteRow({
            subject_id: 'A',
            cnt_order: '001002001',
            statute_determination: 'not_eligible',
            statute_rule_id: RELATED_CHARGE_RULE_ID,
            statute_rule_trail: RELATED_CHARGE_RULE_ID,
            statute_rule_rank: null,
          }),
          ...policyRow({
            subject_id: 'A',
            cnt_order: '001002001',
            is_related: true,
            determination: 'dismiss',
            layer: 'policy',
            rule_id: 'DA-RELATED-DISMISS',
            citation: 'DA policy x',
            reason: 'Related. Anchor: count 001001001.',
          }),
        },
      ],
    )
    expect(rows.map((r) => [r.cnt_order, r.citation, r.reason, r.rule_trail])).toEqual([
      [
        '001001001',
        'DA policy x',
        'Dismiss (DA policy). Statute alone: review by P64-DQ-03; the policy decides it.',
        'P64-DQ-03',
      ],
      ['001002001', 'DA policy x', 'Related. Anchor: count 001001001.', RELATED_CHARGE_RULE_ID],
    ])
  })

  it('property: rows are stored in the published order (county, subject, count), whatever order they come in', async () => {
    const rowArb = fc.record({
      county: fc.constantFrom('ALAMEDA', 'YOLO', 'FRESNO', null),
      subject: fc.constantFrom('A', 'B', 'C', 'D'),
      count: fc.integer({ min: 1, max: 9 }),
    })
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(rowArb, { minLength: 1, maxLength: 12, selector: (r) => `${r.subject}/${r.count}` }),
        async (specs) => {
          const key = (s: { subject: string; count: number }) => ({
            subject_id: s.subject,
            cnt_order: `00${s.count}001001`,
          })
          const rows = await stored(
            specs.map((s) => statuteRow({ ...key(s), county: s.county })),
            specs.map((s) => policyRow(key(s))),
          )
          const expected = [...rows].sort((a, b) => {
            for (const c of COUNT_DETERMINATIONS_ORDER) {
              const [x, y] = [a[c] as string | null, b[c] as string | null]
              if (x === y) continue
              // DuckDB sorts nulls last.
              if (x === null) return 1
              if (y === null) return -1
              return x < y ? -1 : 1
            }
            return 0
          })
          expect(rows.map((r) => [r.county, r.subject_id, r.cnt_order])).toEqual(
            expected.map((r) => [r.county, r.subject_id, r.cnt_order]),
          )
        },
      ),
      { numRuns: 25 },
    )
  })
})
