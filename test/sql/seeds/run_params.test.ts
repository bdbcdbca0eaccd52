/** run_params: the run's as-of date, county filter and policy name as one row of data, straight from the context. */
import { describe, expect, it } from 'vitest'
import { runModel } from '../../helpers/model-fixture.ts'
import { run_params } from '../../../sql/seeds/run_params.ts'
import type { ModelContext } from '../../../sql/model.ts'

async function params(ctx: Partial<ModelContext>) {
  const run = await runModel(run_params, {}, { ctx })
  try {
    return {
      rows: await run.rows(),
      types: await run.db.rows<{ column_name: string; data_type: string }>(
        `select column_name, data_type from information_schema.columns where table_name = 'run_params' order by ordinal_position`,
      ),
    }
  } finally {
    run.close()
  }
}

describe('run_params', () => {
  it('one row carrying the as-of date (a DATE), no county filter and the policy name', async () => {
    const { rows, types } = await params({ asOf: '2024-02-29', policyName: 'los-angeles-2020' })
    expect(rows).toEqual([{ as_of_date: '2024-02-29', county_filter: null, policy_name: 'los-angeles-2020' }])
    expect(types).toEqual([
      { column_name: 'as_of_date', data_type: 'DATE' },
      { column_name: 'county_filter', data_type: 'VARCHAR' },
      { column_name: 'policy_name', data_type: 'VARCHAR' },
    ])
  })

  it('carries --county, quoted as a literal', async () => {
    const { rows } = await params({ county: "SAN LUIS OBISPO'S", policyName: 'statute' })
    expect(rows).toEqual([
      { as_of_date: '2026-01-01', county_filter: "SAN LUIS OBISPO'S", policy_name: 'statute' },
    ])
  })
})
