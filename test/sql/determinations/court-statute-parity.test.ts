/**
 * The court path decides with the statute's rules plus one of its own (CRT-DATA-01, ranked among them). Property:
 * over the same counts, every count CRT-DATA-01 does not decide gets exactly what the DOJ path's statute layer
 * gives it (outcome, rule, reason, remedy, reduced level, trail), so the court's rule never shifts another's.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { fixtureContext, runModel } from '../../helpers/model-fixture.ts'
import {
  COURT_SEEDS,
  courtChainBefore,
  courtIndex,
  courtRecord,
  dojSubject,
  dojTables,
  JANE_DOE,
  type CourtRecord,
} from '../../helpers/court-model-fixture.ts'
import { court_statute_determinations } from '../../../sql/determinations/court_statute_determinations.ts'
import { elig_statute_determinations } from '../../../sql/determinations/elig_statute_determinations.ts'
import { compileModel } from '../../../sql/model.ts'

const SECTIONS = [
  'HS 11357(a)',
  'HS 11357(b)',
  'HS 11357(c)',
  'HS 11358',
  'HS 11359',
  'HS 11360(a)',
  'HS 11360(b)',
]
const ymd = (d: Date) => d.toISOString().slice(0, 10)
const day = (from: string, to: string) =>
  fc.date({ min: new Date(from), max: new Date(to), noInvalidDate: true }).map(ymd)

/** A court-only conviction of Maria Garcia (a DOJ person) or of Jane Doe (no DOJ history). */
const record: fc.Arbitrary<CourtRecord> = fc
  .record({
    doe: fc.boolean(),
    section: fc.constantFrom(...SECTIONS),
    level: fc.constantFrom('F', 'M', 'I'),
    offense: day('1975-01-01', '2016-06-30'),
    daysToDisposition: fc.integer({ min: 0, max: 400 }),
    dob: fc.option(day('1950-01-01', '2000-12-31'), { nil: undefined }),
    sentence: fc.constantFrom('', '90 DAYS JAIL', '3 YEARS PROBATION', '16 MONTHS PRISON'),
  })
  .map((r) => {
    const disposition = ymd(new Date(Date.parse(r.offense) + r.daysToDisposition * 86_400_000))
    return courtRecord({
      ...(r.doe ? { ...JANE_DOE, dob: r.dob ?? '' } : {}),
      court_case_number: `NEW-${r.section}-${r.offense}`,
      charge_section: r.section,
      charge_level: r.level,
      offense_date: r.offense,
      disposition_date: disposition,
      sentence: r.sentence,
    })
  })

describe('court statute layer: the court rule never shifts the statute rules', () => {
  it('every count CRT-DATA-01 does not decide is decided as the DOJ statute layer decides it', async () => {
    let compared = 0
    await fc.assert(
      fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 6 }), async (records) => {
        const run = await runModel(
          court_statute_determinations,
          { ...courtIndex(records), ...dojTables({ subjects: [dojSubject()] }) },
          { seeds: COURT_SEEDS, also: courtChainBefore(court_statute_determinations.name) },
        )
        try {
          // The DOJ path's statute layer over the very same counts (the fixture's DOJ counts table is empty).
          await run.db.run(
            `create or replace table int_prop64_counts as select * from int_court_prop64_counts`,
          )
          await run.db.run(compileModel(elig_statute_determinations, fixtureContext()))
          const rows = await run.db.rows<{ court_rule: string; same: boolean }>(
            `select c.statute_rule_id as court_rule,
               (c.statute_determination, c.statute_rule_id, c.statute_citation, c.statute_reason, c.statute_remedy,
                c.statute_reduced_level, 
                array_to_string(list_filter(string_split(c.statute_rule_trail, ' > '), x -> x <> 'CRT-DATA-01'), ' > '))
               is not distinct from
               (d.statute_determination, d.statute_rule_id, d.statute_citation, d.statute_reason, d.statute_remedy,
                d.statute_reduced_level, d.statute_rule_trail) as same
             from court_statute_determinations c
             join elig_statute_determinations d using (subject_id, cnt_order)`,
          )
          expect(rows).toHaveLength(records.length)
          for (const r of rows) if (r.court_rule !== 'CRT-DATA-01') expect(r).toEqual({ ...r, same: true })
          compared += rows.filter((r) => r.court_rule !== 'CRT-DATA-01').length
        } finally {
          run.close()
        }
      }),
      { numRuns: 40, seed: 20261205 },
    )
    // The property ran on real comparisons, not only on counts the court rule took.
    expect(compared).toBeGreaterThan(40)
  }, 120_000)
})
