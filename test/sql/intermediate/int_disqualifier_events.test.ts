/**
 * int_disqualifier_events: the dated events that can keep a felony 11358/11359/11360 a felony. A conviction
 * matching the super-strike table (PC 667(e)(2)(C)(iv)) or the PC 290(c) table (real seed tables), a conviction
 * with a court-ordered registration qualifier, and a person's dated PC 290 registration step.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { runModel, type Cell } from '../../helpers/model-fixture.ts'
import { dojConviction, dojSubject, dojTables } from '../../helpers/court-model-fixture.ts'
import { int_disqualifier_events } from '../../../sql/intermediate/int_disqualifier_events.ts'
import { ref_pc290c_sections, ref_superstrike_sections } from '../../../sql/seeds/reference_tables.ts'

type Row = Record<string, unknown>
interface Event {
  subject_id: string
  event_date: string | null
  kind: string
  code_section: string
  citation: string
}
const SEEDS = [ref_superstrike_sections, ref_pc290c_sections]

async function events(t: { convictions?: Record<string, Cell>[]; subjects?: Record<string, Cell>[] }) {
  const { int_convictions, int_subjects } = dojTables(t)
  const run = await runModel(
    int_disqualifier_events,
    { int_convictions: int_convictions!, int_subjects: int_subjects! },
    {
      seeds: SEEDS,
    },
  )
  try {
    const rows = await run.rows<Row>('subject_id, event_date, kind, code_section')
    return rows.map(
      (r) => ({ ...r, event_date: r.event_date ? String(r.event_date).slice(0, 10) : null }) as Event,
    )
  } finally {
    run.close()
  }
}

/** A conviction of `subject` under a code section such as 'PC 288(A)'. */
function conv(subject: string, codeSection: string, over: Record<string, Cell> = {}) {
  const m = /^(\w+) ([\w.]+?)(?:\((\w+)\).*)?$/.exec(codeSection)!
  return dojConviction({
    subject_id: subject,
    cnt_order: `${subject}-${codeSection}`,
    code_type: m[1],
    section: m[2],
    subsection: m[3] ?? null,
    base_section: `${m[1]} ${m[2]}`,
    code_section: codeSection,
    conviction_date: '2000-01-01',
    ...over,
  })
}

const MURDER = 'PC 667(e)(2)(C)(iv)(IV); PC 187-191.5'

describe('int_disqualifier_events', () => {
  it('a super-strike conviction, a PC 290(c) conviction, or both, dated by the conviction', async () => {
    const rows = await events({
      convictions: [
        conv('S1', 'PC 187'),
        conv('S2', 'PC 243.4(E)(1)'),
        conv('S3', 'PC 288(A)'),
        conv('S4', 'HS 11359'),
        conv('S5', 'PC 459'),
      ],
    })
    expect(rows.map((r) => [r.subject_id, r.kind, r.code_section, r.event_date])).toEqual([
      ['S1', 'superstrike', 'PC 187', '2000-01-01'],
      ['S2', 'pc290c', 'PC 243.4(E)(1)', '2000-01-01'],
      ['S3', 'pc290c', 'PC 288(A)', '2000-01-01'],
      ['S3', 'superstrike', 'PC 288(A)', '2000-01-01'],
    ])
    expect(rows[0]!.citation).toBe(MURDER)
    expect(rows[1]!.citation).toBe('PC 290(c); PC 243.4')
  })

  it('attempts: a super-strike only under clause (IV) (homicide); a PC 290(c) offense always; conspiracies never', async () => {
    const rows = await events({
      convictions: [
        conv('S1', 'PC 187', { is_attempt: true }),
        conv('S2', 'PC 209', { is_attempt: true }),
        conv('S3', 'PC 243.4(A)', { is_attempt: true }),
        conv('S4', 'PC 187', { is_conspiracy: true }),
        conv('S5', 'PC 243.4(A)', { is_conspiracy: true }),
        conv('S6', 'PC 209'),
      ],
    })
    expect(rows.map((r) => [r.subject_id, r.kind])).toEqual([
      ['S1', 'superstrike'],
      ['S3', 'pc290c'],
      ['S6', 'superstrike'],
    ])
  })

  it('an undated conviction is no event', async () => {
    expect(await events({ convictions: [conv('S1', 'PC 187', { conviction_date: null })] })).toEqual([])
  })

  it('a court-ordered registration qualifier (BB) is an event of its own, whatever the section', async () => {
    const rows = await events({
      convictions: [
        conv('S1', 'HS 11359', { has_registration_qualifier: true }),
        conv('S2', 'HS 11359', { has_registration_qualifier: true, conviction_date: null }),
      ],
    })
    expect(rows).toEqual([
      {
        subject_id: 'S1',
        event_date: '2000-01-01',
        kind: 'court_ordered_registration',
        code_section: 'HS 11359',
        citation: 'PC 290(a)(2)(E) (qualifier BB)',
      },
    ])
  })

  it("a person's dated PC 290 registration step; an undated one is no event here", async () => {
    const rows = await events({
      subjects: [
        dojSubject({ subject_id: 'S1', pc290_registered: true, pc290_registration_date: '2010-03-03' }),
        dojSubject({ subject_id: 'S2', pc290_registered: true, pc290_registration_undated: true }),
        dojSubject({ subject_id: 'S3' }),
      ],
    })
    expect(rows).toEqual([
      {
        subject_id: 'S1',
        event_date: '2010-03-03',
        kind: 'pc290_registration',
        code_section: 'PC 290',
        citation: 'PC 290 registration step',
      },
    ])
  })

  it('property: one event per (conviction, kind), however many people share a section', async () => {
    const section = fc.constantFrom('PC 187', 'PC 288(A)', 'PC 243.4(E)(1)', 'HS 11359', 'PC 314(1)')
    const kinds: Record<string, string[]> = {
      'PC 187': ['superstrike'],
      'PC 288(A)': ['pc290c', 'superstrike'],
      'PC 243.4(E)(1)': ['pc290c'],
      'HS 11359': [],
      'PC 314(1)': ['pc290c'],
    }
    await fc.assert(
      fc.asyncProperty(fc.array(section, { minLength: 1, maxLength: 12 }), async (sections) => {
        const rows = await events({
          convictions: sections.map((s, i) => conv(`S${String(i).padStart(2, '0')}`, s)),
        })
        const want = sections.flatMap((s, i) => kinds[s]!.map((k) => `S${String(i).padStart(2, '0')}:${k}`))
        expect(rows.map((r) => `${r.subject_id}:${r.kind}`)).toEqual(want)
      }),
      { numRuns: 6 },
    )
  })
})
