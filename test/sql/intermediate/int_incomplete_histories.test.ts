/**
 * int_incomplete_histories: one row per person named by a rejected input line (any of the SUBJECT_IDs a rejected
 * record's text names), with how many lines and which (file name and line, the first ten, then "and N more").
 */
import { describe, expect, it } from 'vitest'
import { runModel, type Cell } from '../../helpers/model-fixture.ts'
import { int_incomplete_histories } from '../../../sql/intermediate/int_incomplete_histories.ts'

type Row = { subject_id: string; rejected_lines: number; rejected_line_refs: string }

const reject = (file: string, line: number | null, subjectIds: string[]): Record<string, Cell> => ({
  file,
  line,
  subject_ids: { sql: `[${subjectIds.map((s) => `'${s}'`).join(', ')}]::varchar[]` },
})

async function histories(rejects: Record<string, Cell>[]): Promise<Row[]> {
  const run = await runModel(int_incomplete_histories, {
    ingest_rejects: {
      columns: { file: 'varchar', line: 'bigint', subject_ids: 'varchar[]' },
      rows: rejects,
    },
  })
  try {
    return await run.rows<Row>('subject_id')
  } finally {
    run.close()
  }
}

describe('int_incomplete_histories', () => {
  it('one row per person named, with the lines in file and line order (file name only)', async () => {
    const rows = await histories([
      reject('/in/b.csv', 7, ['S1']),
      reject('/in/a.csv', 30, ['S1']),
      reject('/in/a.csv', 4, ['S1', 'S2']),
      reject('/in/a.csv', 9, []),
    ])
    expect(rows).toEqual([
      {
        subject_id: 'S1',
        rejected_lines: 3,
        rejected_line_refs: 'a.csv line 4, a.csv line 30, b.csv line 7',
      },
      { subject_id: 'S2', rejected_lines: 1, rejected_line_refs: 'a.csv line 4' },
    ])
  })

  it('no reject names anyone: no row (a line whose subject cannot be read is tied to nobody)', async () => {
    expect(await histories([reject('/in/a.csv', 3, [])])).toEqual([])
    expect(await histories([])).toEqual([])
  })

  it('a line without a number is "line ?"', async () => {
    const [row] = await histories([reject('/in/a.csv', null, ['S1'])])
    expect(row!.rejected_line_refs).toBe('a.csv line ?')
  })

  it('names the first ten lines, then "and N more"', async () => {
    const rows = await histories(Array.from({ length: 12 }, (_, i) => reject('/in/a.csv', i + 2, ['S1'])))
    expect(rows).toHaveLength(1)
    expect(rows[0]!.rejected_lines).toBe(12)
    expect(rows[0]!.rejected_line_refs).toBe(
      `${Array.from({ length: 10 }, (_, i) => `a.csv line ${i + 2}`).join(', ')} and 2 more`,
    )
    const [ten] = await histories(Array.from({ length: 10 }, (_, i) => reject('/in/a.csv', i + 2, ['S1'])))
    expect(ten!.rejected_line_refs).not.toMatch(/more/)
  })
})
