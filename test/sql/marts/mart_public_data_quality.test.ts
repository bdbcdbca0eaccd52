import { describe, expect, it } from 'vitest'
import { runModel } from '../../helpers/model-fixture.ts'
import { mart_public_data_quality } from '../../../sql/marts/mart_public_data_quality.ts'

describe('mart_public_data_quality', () => {
  it('the data-quality rows plus one row per kind of rejected line (the error type only, counts = lines)', async () => {
    const dq = {
      check: 'varchar',
      item: 'varchar',
      detail: 'varchar',
      counts: 'int',
      people: 'int',
      first_date: 'date',
      last_date: 'date',
    }
    const run = await runModel(mart_public_data_quality, {
      mart_data_quality: {
        columns: dq,
        rows: [{ check: 'review', item: 'all', detail: 'every count', counts: 2, people: 1 }],
      },
      ingest_rejects: {
        columns: { reason: 'varchar' },
        rows: [
          { reason: 'CAST: bad date in line "SMITH,JOHN"' },
          { reason: 'CAST: another' },
          { reason: 'TOO MANY COLUMNS: x' },
        ],
      },
    })
    const rows = await run.rows<Record<string, unknown>>('"check" desc, item')
    run.close()
    expect(rows).toEqual([
      {
        check: 'review',
        item: 'all',
        detail: 'every count',
        counts: 2,
        people: 1,
        first_date: null,
        last_date: null,
      },
      expect.objectContaining({ check: 'rejected', item: 'CAST', counts: 2, people: null }),
      expect.objectContaining({ check: 'rejected', item: 'TOO MANY COLUMNS', counts: 1 }),
    ])
    expect(JSON.stringify(rows)).not.toContain('SMITH')
  })
})
