import { beforeAll, describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { parse } from 'csv-parse/sync'
import { runPipeline } from '../../pipelines/run/run-pipeline.ts'
import { openDb } from '../../pipelines/lib/duckdb.ts'
import { COUNT_DETERMINATIONS_COLUMNS } from '../../data-contracts/outputs/count-determinations.contract.ts'
import { conviction, writeExtract } from '../helpers/doj-fixture.ts'
import { STATUTE_CASES } from '../sql/rules/statute-cases.ts'

const GOLDEN = new URL('./golden/count_determinations.csv', import.meta.url)
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex')
const tmp = () => mkdtempSync(join(tmpdir(), 'relief-e2e-'))

let fixture = ''
beforeAll(() => {
  // Two counties: the statute cases in San Joaquin, plus a Los Angeles count with a San Joaquin prior.
  const la = [
    ...conviction({
      subject: '700001',
      cnt: '001001001000',
      offense: '11359 HS-POSS MARIJUANA FOR SALE',
      convicted: '19900301',
      county: 'SAN JOAQUIN',
    }),
    ...conviction({
      subject: '700001',
      cnt: '002001001000',
      offense: '11359 HS-POSS MARIJUANA FOR SALE',
      convicted: '19950301',
      county: 'SAN JOAQUIN',
    }),
    ...conviction({
      subject: '700001',
      cnt: '003001001000',
      offense: '11359 HS-POSS MARIJUANA FOR SALE',
      convicted: '20000601',
      offenseDate: '20000101',
      county: 'LOS ANGELES',
      court: 'CASC LOS ANGELES METRO',
    }),
  ]
  fixture = writeExtract([...STATUTE_CASES.flatMap((c) => c.rows), ...la])
})

describe('relief run end to end', () => {
  it('matches the golden determinations (review diffs of test/e2e/golden when rules change)', async () => {
    const out = tmp()
    await runPipeline({ inputs: [fixture], out, asOf: '2026-01-01', quiet: true, determinationsOnly: true })
    const got = readFileSync(join(out, 'count_determinations.csv'), 'utf8')
    if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, got)
    expect(got).toBe(readFileSync(GOLDEN, 'utf8'))
    // The file has the contract's columns, and the model has no column the contract leaves out.
    expect(got.slice(0, got.indexOf('\n'))).toBe(COUNT_DETERMINATIONS_COLUMNS.join(','))
    const db = await openDb(join(out, 'relief.duckdb'))
    try {
      const model = await db.rows<{ column_name: string }>(`describe count_determinations`)
      expect(model.map((c) => c.column_name).sort()).toEqual([...COUNT_DETERMINATIONS_COLUMNS].sort())
    } finally {
      db.close()
    }
  })

  it('gives byte-identical outputs for the same input and options', async () => {
    const a = tmp()
    const b = tmp()
    await runPipeline({
      inputs: [fixture],
      out: a,
      asOf: '2026-01-01',
      quiet: true,
      determinationsOnly: true,
    })
    await runPipeline({
      inputs: [fixture],
      out: b,
      asOf: '2026-01-01',
      quiet: true,
      determinationsOnly: true,
    })
    for (const f of ['count_determinations.csv', 'count_determinations.parquet', 'rejects.csv'])
      expect(sha(join(a, f))).toBe(sha(join(b, f)))
    const ma = JSON.parse(readFileSync(join(a, 'manifest.json'), 'utf8'))
    const mb = JSON.parse(readFileSync(join(b, 'manifest.json'), 'utf8'))
    expect(ma).toEqual(mb)
    expect(ma.as_of).toBe('2026-01-01')
    expect(ma.inputs[0].sha256).toBe(sha(fixture))
    // Row-level files hold personal data: owner-only.
    for (const f of ['relief.duckdb', 'count_determinations.csv', 'rejects.csv'])
      expect(statSync(join(a, f)).mode & 0o777).toBe(0o600)
  })

  it("--county keeps only that county's convictions but counts priors from anywhere", async () => {
    const out = tmp()
    await runPipeline({
      inputs: [fixture],
      out,
      asOf: '2026-01-01',
      county: 'los-angeles',
      quiet: true,
      determinationsOnly: true,
    })
    const rows = parse(readFileSync(join(out, 'count_determinations.csv')), { columns: true }) as Record<
      string,
      string
    >[]
    expect(rows.map((r) => r.county)).toEqual(['LOS ANGELES'])
    // Two San Joaquin 11359 priors before the LA offense → possible_two_priors.
    expect(rows[0]).toMatchObject({
      subject_id: '700001',
      determination: 'review',
      rule_id: 'P64-DQ-03',
      same_section_priors: '2',
    })
  })
})

const SECTIONS = [
  '11357',
  '11357(A)',
  '11357(B)',
  '11357(C)',
  '11357(D)',
  '11357(E)',
  '11358',
  '11359',
  '11360(A)',
  '11360(B)',
  '11362.1',
  '11357.5(A)',
  '11361',
  '459',
  '187',
]
const countArb = fc.record({
  section: fc.constantFrom(...SECTIONS),
  level: fc.constantFrom('FELONY', 'MISDEMEANOR', 'INFRACTION', '') as fc.Arbitrary<
    'FELONY' | 'MISDEMEANOR' | 'INFRACTION' | ''
  >,
  toc: fc.constantFrom('F', 'M', 'I', '') as fc.Arbitrary<'F' | 'M' | 'I' | ''>,
  year: fc.integer({ min: 1968, max: 2021 }),
  dob: fc.constantFrom('19500101', '19700615', '19901231', '20000229', '19751345', ''),
  convicted: fc.boolean(),
  qualifier: fc.constantFrom('', '', '', '664', '182'),
  offenseKnown: fc.boolean(),
})

describe('every in-scope count gets exactly one determination (property)', () => {
  it('holds for random histories', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(countArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 12 }),
        async (people) => {
          const rows = people.flatMap((counts, p) =>
            counts.flatMap((c, i) =>
              conviction({
                subject: String(10 + p),
                cnt: `${String(i + 1).padStart(3, '0')}001001000`,
                offense: `${c.section} ${['459', '187'].includes(c.section) ? 'PC' : 'HS'}-CHARGE`,
                convicted: `${c.year}0615`,
                offenseDate: c.offenseKnown ? `${c.year}0101` : '',
                level: c.level,
                toc: c.toc,
                dob: c.dob,
                qualifiers: c.qualifier,
                disposition: c.convicted ? 'CONVICTED-JAIL' : 'DISMISSED',
              }),
            ),
          )
          const dir = tmp()
          await runPipeline({
            inputs: [writeExtract(rows, { dir })],
            out: join(dir, 'out'),
            asOf: '2026-01-01',
            quiet: true,
            determinationsOnly: true,
          })
          const out = parse(readFileSync(join(dir, 'out', 'count_determinations.csv')), {
            columns: true,
          }) as Record<string, string>[]
          const expected = people.flatMap((counts, p) =>
            counts.flatMap((c, i) =>
              c.convicted && !['11357.5(A)', '11361', '459', '187'].includes(c.section)
                ? [`${10 + p}/${String(i + 1).padStart(3, '0')}001001000`]
                : [],
            ),
          )
          expect(out.map((r) => `${r.subject_id}/${r.cnt_order}`).sort()).toEqual(expected.sort())
          for (const r of out) {
            expect(['dismiss', 'reduce', 'not_eligible', 'review']).toContain(r.determination)
            expect(r.rule_id).toMatch(/^P64-/)
            expect(r.citation.length).toBeGreaterThan(0)
            expect(r.reason.length).toBeGreaterThan(0)
          }
        },
      ),
      { numRuns: 15 },
    )
  })
})
