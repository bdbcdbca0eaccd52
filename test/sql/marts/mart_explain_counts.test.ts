import { describe, expect, it } from 'vitest'
import { runModel } from '../../helpers/model-fixture.ts'
import { countDeterminations, countRow } from '../../helpers/count-determinations-fixture.ts'
import { mart_explain_counts } from '../../../sql/marts/mart_explain_counts.ts'

describe('mart_explain_counts', () => {
  it('one row per decided count with the policy layer beside it; counts the policy layer lacks drop out', async () => {
    const run = await runModel(mart_explain_counts, {
      count_determinations: countDeterminations([
        countRow({ subject_id: 'A', cnt_order: '001' }),
        countRow({ subject_id: 'A', cnt_order: '002' }),
      ]),
      elig_policy_determinations: {
        columns: {
          subject_id: 'varchar',
          cnt_order: 'varchar',
          is_related: 'boolean',
          policy_reach: 'boolean',
          policy_outcome: 'varchar',
          policy_rule_id: 'varchar',
          policy_citation: 'varchar',
          policy_rule_trail: 'varchar[]',
        },
        rows: [
          {
            subject_id: 'A',
            cnt_order: '001',
            is_related: false,
            policy_reach: true,
            policy_outcome: 'dismiss',
            policy_rule_id: 'DA-FEL-DISMISS',
            policy_citation: 'PC 1385',
            policy_rule_trail: { sql: "['DA-EXCL-PC290', 'DA-FEL-DISMISS']" },
          },
        ],
      },
    })
    const rows = await run.rows<Record<string, unknown>>()
    run.close()
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      subject_id: 'A',
      cnt_order: '001',
      determination: 'dismiss',
      is_related: false,
      policy_reach: true,
      policy_outcome: 'dismiss',
      policy_trail: 'DA-EXCL-PC290 > DA-FEL-DISMISS',
    })
  })
})
