import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { runPipeline } from '../../../pipelines/run/run-pipeline.ts'
import { conviction, toCsvLine } from '../../helpers/doj-fixture.ts'
import { DOJ_COLUMN_NAMES } from '../../../data-contracts/doj-extract.contract.ts'

const tmp = () => mkdtempSync(join(tmpdir(), 'relief-q-'))
const good = (i: number) =>
  toCsvLine(
    conviction({
      subject: String(1000 + i),
      cnt: '001001001000',
      offense: '11359 HS-POSS MARIJUANA FOR SALE',
      convicted: '20050301',
    })[0]!,
  )

describe('malformed lines are quarantined with file, line number, reason and raw text', () => {
  it('loads the rest and balances the ledger', async () => {
    const dir = tmp()
    const file = join(dir, 'mixed.csv')
    const lines = [
      DOJ_COLUMN_NAMES.join(','), // 1
      good(1), //                    2
      '1,2,SHORT ROW', //            3 too few columns
      good(2), //                    4
      good(3) + ',EXTRA', //         5 too many columns
      good(4), //                    6
    ]
    writeFileSync(file, lines.join('\n') + '\n')
    const r = await runPipeline({
      inputs: [file],
      out: join(dir, 'out'),
      asOf: '2026-01-01',
      quiet: true,
      determinationsOnly: true,
    })
    expect(r.manifest.inputs[0]).toMatchObject({
      rows_read: 5,
      rows_loaded: 3,
      rows_rejected: 2,
      balanced: true,
    })
    const rejects = parse(readFileSync(join(dir, 'out', 'rejects.csv')), { columns: true }) as Record<
      string,
      string
    >[]
    expect(rejects.map((x) => [x.file, x.line])).toEqual([
      [file, '3'],
      [file, '5'],
    ])
    expect(rejects[0]!.reason).toMatch(/MISSING COLUMNS/)
    expect(rejects[0]!.raw_text).toContain('SHORT ROW')
    expect(rejects[1]!.reason).toMatch(/TOO MANY COLUMNS/)
    const dets = parse(readFileSync(join(dir, 'out', 'count_determinations.csv')), {
      columns: true,
    }) as unknown[]
    expect(dets).toHaveLength(3)
  })
})

/** Lines a damaged extract might hold. */
const lineArb = fc.oneof(
  { weight: 5, arbitrary: fc.nat(10_000).map((i) => ({ kind: 'good', text: good(i) })) },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 1, max: 94 })
      .map((n) => ({ kind: 'short', text: Array(n).fill('X').join(',') })),
  },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 96, max: 120 })
      .map((n) => ({ kind: 'long', text: Array(n).fill('Y').join(',') })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'blank', text: '' }) },
  {
    weight: 1,
    arbitrary: fc.nat(10_000).map((i) => ({ kind: 'stray-quote', text: good(i).replace(',,', ',"broken,') })),
  },
)

describe('reconciliation always balances (property)', () => {
  it('rows_read == rows_loaded + rows_rejected for any mix of good and damaged lines', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(lineArb, { minLength: 1, maxLength: 25 }),
        fc.boolean(),
        async (lines, header) => {
          if (!lines.some((l) => l.kind === 'good')) return // a file with no good line is refused, tested elsewhere
          const dir = tmp()
          const file = join(dir, 'x.csv')
          writeFileSync(
            file,
            [...(header ? [DOJ_COLUMN_NAMES.join(',')] : []), ...lines.map((l) => l.text)].join('\n') + '\n',
          )
          let r
          try {
            r = await runPipeline({
              inputs: [file],
              out: join(dir, 'out'),
              asOf: '2026-01-01',
              quiet: true,
              determinationsOnly: true,
            })
          } catch (e) {
            // Refusing the whole file is allowed only with a message naming it.
            expect((e as Error).message).toContain('x.csv')
            return
          }
          const m = r.manifest
          expect(m.totals.rows_read).toBe(lines.filter((l) => l.text !== '').length)
          expect(m.totals.rows_read).toBe(m.totals.rows_loaded + m.totals.rows_rejected)
          expect(m.totals.balanced).toBe(true)
          const rejects = parse(readFileSync(join(dir, 'out', 'rejects.csv')), { columns: true }) as unknown[]
          expect(rejects).toHaveLength(m.totals.rows_rejected)
        },
      ),
      { numRuns: 20 },
    )
  }, 180_000) // ~2 s a run alone; the shared machine can triple it
})
