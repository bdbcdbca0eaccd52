/** The bench's floors: both forms of DuckDB's count(*) over read_csv count every line of a generated extract. */
import { describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PLAIN_FLOOR, threeFloors } from '../../../pipelines/bench/floor-reads.ts'
import { generateExtract } from '../../../pipelines/generate/generate-extract.ts'

describe('threeFloors', () => {
  it('reads the same lines in the contract form and the plain form, three times each, fastest first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'relief-floor-'))
    const file = join(dir, 'doj.csv')
    await generateExtract({ subjects: 40, seed: 3, out: file, threads: 1 })
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n').length - 1 // less the header
    for (const form of ['', PLAIN_FLOOR]) {
      const reads = await threeFloors(file, 1, form)
      expect(reads).toHaveLength(3)
      for (const r of reads) expect(r.rows).toBe(lines)
      expect(reads.map((r) => r.seconds)).toEqual([...reads.map((r) => r.seconds)].sort((a, b) => a - b))
    }
  })
})
