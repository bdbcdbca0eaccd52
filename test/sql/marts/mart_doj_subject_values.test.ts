import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { runModel, type Cell, type FixtureTable } from '../../helpers/model-fixture.ts'
import { run_params } from '../../../sql/seeds/run_params.ts'
import { countDeterminations, countRow } from '../../helpers/count-determinations-fixture.ts'
import { mart_doj_subject_values } from '../../../sql/marts/mart_doj_subject_values.ts'

type Row = Record<string, string | null>

interface Record_ {
  /** In-scope people (count_determinations subjects). */
  inScope: string[]
  convictions?: { subject_id: string; conviction_date: string | null }[]
  prop64?: { subject_id: string; code_section: string }[]
  events?: { subject_id: string; kind: string; code_section: string }[]
  subjects?: { subject_id: string; deceased: boolean }[]
}

const table = (columns: Record<string, string>, rows: Record<string, Cell>[] = []): FixtureTable => ({
  columns,
  rows,
})

async function values(r: Record_, asOf = '2026-01-01'): Promise<Row[]> {
  const run = await runModel(
    mart_doj_subject_values,
    {
      count_determinations: countDeterminations(r.inScope.map((subject_id) => countRow({ subject_id }))),
      int_convictions: table({ subject_id: 'varchar', conviction_date: 'date' }, r.convictions),
      int_prop64_counts: table({ subject_id: 'varchar', code_section: 'varchar' }, r.prop64),
      int_disqualifier_events: table(
        { subject_id: 'varchar', kind: 'varchar', code_section: 'varchar' },
        r.events,
      ),
      int_subjects: table({ subject_id: 'varchar', deceased: 'boolean' }, r.subjects),
    },
    { seeds: [run_params], ctx: { asOf } },
  )
  const rows = await run.rows<Row>('subject_id')
  run.close()
  return rows
}

describe('mart_doj_subject_values', () => {
  it('one row per in-scope person (several counts, one row): convictions, years since the latest, counts per section', async () => {
    const rows = await values({
      inScope: ['A', 'A', 'A'],
      convictions: [
        { subject_id: 'A', conviction_date: '2012-03-04' },
        { subject_id: 'A', conviction_date: '2020-01-01' },
        { subject_id: 'A', conviction_date: '2015-06-01' },
        // After the as-of date: on the record, but not "the latest conviction" as of the run.
        { subject_id: 'A', conviction_date: '2026-05-05' },
        // Not in scope: never a row.
        { subject_id: 'Z', conviction_date: '2019-01-01' },
      ],
      prop64: [
        { subject_id: 'A', code_section: 'HS 11359' },
        { subject_id: 'A', code_section: 'HS 11357(B)' },
        { subject_id: 'A', code_section: 'HS 11359' },
        { subject_id: 'Z', code_section: 'HS 11360' },
      ],
    })
    expect(rows).toEqual([
      {
        subject_id: 'A',
        convictions_on_record: '4',
        // 2020-01-01 → 2026-01-01: 2192 days / 365.25
        years_since_any: '6.00',
        per_section: 'HS 11357(B) x1; HS 11359 x2',
        deceased: 'false',
        superstrike_sections: null,
        pc290_sections: null,
        pc290_registration: 'false',
      },
    ])
  })

  it('every super-strike and PC 290(c) section on the whole record, each once and sorted; the registration step', async () => {
    const rows = await values({
      inScope: ['A', 'B'],
      convictions: [
        { subject_id: 'A', conviction_date: '2010-01-01' },
        { subject_id: 'B', conviction_date: '2010-01-01' },
      ],
      events: [
        { subject_id: 'A', kind: 'superstrike', code_section: 'PC 269' },
        { subject_id: 'A', kind: 'superstrike', code_section: 'PC 187' },
        { subject_id: 'A', kind: 'superstrike', code_section: 'PC 187' },
        { subject_id: 'A', kind: 'pc290c', code_section: 'PC 288' },
        { subject_id: 'A', kind: 'pc290_registration', code_section: 'PC 290' },
        // A court-ordered registration (qualifier BB) is not the PC 290 registration step the column reports,
        // as for the count-level value (int_prop64_counts.prior_pc290_registration).
        { subject_id: 'B', kind: 'court_ordered_registration', code_section: 'HS 11359' },
      ],
      subjects: [
        { subject_id: 'A', deceased: true },
        { subject_id: 'B', deceased: false },
      ],
    })
    expect(rows).toEqual([
      expect.objectContaining({
        subject_id: 'A',
        superstrike_sections: 'PC 187; PC 269',
        pc290_sections: 'PC 288',
        pc290_registration: 'true',
        deceased: 'true',
      }),
      expect.objectContaining({
        subject_id: 'B',
        superstrike_sections: null,
        pc290_sections: null,
        pc290_registration: 'false',
        deceased: 'false',
      }),
    ])
  })

  it('a person with nothing dated on or before the as-of date: no years written; no upstream rows: zeros and blanks', async () => {
    const rows = await values({
      inScope: ['A', 'B'],
      convictions: [
        { subject_id: 'A', conviction_date: null },
        { subject_id: 'A', conviction_date: '2027-01-01' },
      ],
    })
    expect(rows).toEqual([
      {
        subject_id: 'A',
        convictions_on_record: '2',
        years_since_any: null,
        per_section: null,
        deceased: 'false',
        superstrike_sections: null,
        pc290_sections: null,
        pc290_registration: 'false',
      },
      {
        subject_id: 'B',
        convictions_on_record: '0',
        years_since_any: null,
        per_section: null,
        deceased: 'false',
        superstrike_sections: null,
        pc290_sections: null,
        pc290_registration: 'false',
      },
    ])
  })

  it('the as-of date bounds the latest conviction: a conviction on the as-of day counts, the day after does not', async () => {
    const record = {
      inScope: ['A'],
      convictions: [
        { subject_id: 'A', conviction_date: '2015-06-01' },
        { subject_id: 'A', conviction_date: '2025-06-01' },
      ],
    }
    expect((await values(record, '2025-06-01'))[0].years_since_any).toBe('0.00')
    // As of 2025-05-31 the latest is 2015-06-01: 3652 days / 365.25 = 9.9986…
    expect((await values(record, '2025-05-31'))[0].years_since_any).toBe('10.00')
    // As of 2025-05-01: 3622 days / 365.25 = 9.9165…
    expect((await values(record, '2025-05-01'))[0].years_since_any).toBe('9.92')
  })

  it('property: one row per distinct in-scope person; convictions and per-section counts add up to the record', async () => {
    const person = fc.constantFrom('A', 'B', 'C', 'D')
    const section = fc.constantFrom('HS 11357(B)', 'HS 11359', 'HS 11360(A)')
    await fc.assert(
      fc.asyncProperty(
        fc.array(person, { minLength: 1, maxLength: 6 }),
        fc.array(person, { maxLength: 10 }),
        fc.array(fc.tuple(person, section), { maxLength: 10 }),
        async (inScope, convicted, prop64) => {
          const rows = await values({
            inScope,
            convictions: convicted.map((subject_id) => ({ subject_id, conviction_date: '2014-02-02' })),
            prop64: prop64.map(([subject_id, code_section]) => ({ subject_id, code_section })),
          })
          const people = [...new Set(inScope)].sort()
          expect(rows.map((r) => r.subject_id)).toEqual(people)
          for (const r of rows) {
            const n = convicted.filter((s) => s === r.subject_id).length
            expect(r.convictions_on_record).toBe(String(n))
            expect(r.years_since_any === null).toBe(n === 0)
            const perSection = (r.per_section ?? '')
              .split('; ')
              .filter(Boolean)
              .reduce((sum, part) => sum + Number(part.split(' x').at(-1)), 0)
            expect(perSection).toBe(prop64.filter(([s]) => s === r.subject_id).length)
          }
        },
      ),
      { numRuns: 15 },
    )
  })
})
