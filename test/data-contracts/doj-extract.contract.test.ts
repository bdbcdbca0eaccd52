import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import {
  DOJ_COLUMNS,
  DOJ_COLUMN_COUNT,
  duckdbReadColumns,
} from '../../data-contracts/doj-extract.contract.ts'

const reference = parse(
  readFileSync(new URL('../../data-contracts/reference/doj-research-file-columns.csv', import.meta.url)),
  {
    columns: true,
  },
) as { position: string; name: string }[]

describe('DOJ research-file contract', () => {
  it('has the 95 columns of the reference list, in its order', () => {
    expect(DOJ_COLUMNS).toHaveLength(DOJ_COLUMN_COUNT)
    expect(DOJ_COLUMNS.map((c) => c.name)).toEqual(reference.map((r) => r.name))
    expect(DOJ_COLUMNS.map((c) => c.position)).toEqual(reference.map((r) => Number(r.position)))
  })

  it('gives every column a type and a meaning', () => {
    for (const c of DOJ_COLUMNS) {
      expect(['text', 'date', 'integer']).toContain(c.type)
      expect(c.meaning.length).toBeGreaterThan(0)
    }
  })

  it('types the date columns the rules read as dates', () => {
    const dates = DOJ_COLUMNS.filter((c) => c.type === 'date').map((c) => c.name)
    expect(dates).toEqual(expect.arrayContaining(['PRI_DOB', 'CYC_DATE', 'STP_EVENT_DATE', 'DISP_DATE']))
  })

  it('builds the DuckDB read schema from the same list', () => {
    const schema = duckdbReadColumns()
    expect(schema.match(/': 'VARCHAR'/g)).toHaveLength(95)
    expect(schema.indexOf("'RECORD_ID'")).toBeLessThan(schema.indexOf("'END_OF_REC'"))
  })
})
