import { beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { runPipeline } from '../../../pipelines/run/run-pipeline.ts'
import { conviction, writeExtract, type ConvictionSpec } from '../../helpers/doj-fixture.ts'

/**
 * Recall and resentence is the remedy exactly when the sentence ends after the as-of date (HS 11361.8(a)
 * "currently serving"); a sentence ending on the as-of date itself is complete.
 */
const AS_OF = '2026-01-01'
const felony = { level: 'FELONY' as const, toc: 'F' as const, offense: '11359 HS-POSS MARIJUANA FOR SALE' }
const misd = { level: 'MISDEMEANOR' as const, toc: 'M' as const, offense: '11357(B) HS-POSSESS MARIJUANA' }
const years = (n: string) => ({ kind: 'PROBATION', length: n, unit: 'Y' as const })
const days = (n: string) => ({ kind: 'JAIL', length: n, unit: 'D' as const })

const CASES: { subject: string; spec: Partial<ConvictionSpec>; end: string; remedy: string }[] = [
  {
    subject: '1',
    spec: { ...felony, convicted: '20160101', sentence: [years('10')] },
    end: '2026-01-01',
    remedy: 'redesignate',
  },
  {
    subject: '2',
    spec: { ...felony, convicted: '20160101', sentence: [years('10'), days('1')] },
    end: '2026-01-02',
    remedy: 'recall_and_resentence',
  },
  {
    subject: '3',
    spec: { ...felony, convicted: '20151231', sentence: [years('10')] },
    end: '2025-12-31',
    remedy: 'redesignate',
  },
  {
    subject: '4',
    spec: { ...misd, convicted: '20160101', sentence: [years('10')] },
    end: '2026-01-01',
    remedy: 'dismiss_and_seal',
  },
  {
    subject: '5',
    spec: { ...misd, convicted: '20160101', sentence: [years('10'), days('1')] },
    end: '2026-01-02',
    remedy: 'recall_and_resentence',
  },
]

let out = ''
beforeAll(async () => {
  const rows = CASES.flatMap((c) =>
    conviction({
      subject: c.subject,
      cnt: '001001001000',
      court: 'CASC STOCKTON',
      caseNumber: `B-${c.subject}`,
      ...c.spec,
    } as ConvictionSpec),
  )
  out = join(mkdtempSync(join(tmpdir(), 'relief-remedy-')), 'run')
  await runPipeline({ inputs: [writeExtract(rows)], out, asOf: AS_OF, quiet: true })
})

describe('remedy track at the as-of boundary', () => {
  it('resentences only when the sentence ends after the as-of date', () => {
    const got = parse(readFileSync(join(out, 'count_determinations.csv')), { columns: true }) as Record<
      string,
      string
    >[]
    for (const c of CASES) {
      const r = got.find((g) => g.subject_id === c.subject)!
      expect([r.subject_id, r.sentence_end_date, r.remedy]).toEqual([c.subject, c.end, c.remedy])
    }
  })

  it('puts exactly those cases in schedule C of the motion, with the right wording', () => {
    const rows = parse(readFileSync(join(out, 'restricted', 'motions', 'san-joaquin', 'casc-stockton.csv')), {
      columns: true,
    }) as Record<string, string>[]
    const c = rows.filter((r) => r.schedule === 'C')
    expect(c.map((r) => r.case_number).sort()).toEqual(['B-2', 'B-5'])
    expect(c.find((r) => r.case_number === 'B-2')!.relief_label).toBe('Recall; resentence as a misdemeanor')
    expect(c.find((r) => r.case_number === 'B-5')!.relief_label).toBe('Recall; dismiss')
    expect(
      rows
        .filter((r) => r.schedule === 'B')
        .map((r) => r.case_number)
        .sort(),
    ).toEqual(['B-1', 'B-3'])
    expect(rows.filter((r) => r.schedule === 'A').map((r) => r.case_number)).toEqual(['B-4'])
  })
})
