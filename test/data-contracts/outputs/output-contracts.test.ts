/**
 * The output contracts are the one list of columns and values the writers and renderers follow. Where a
 * renderer still spells its own list (the motion CSV, the schedule order), it must agree with the contract.
 */
import { describe, expect, it } from 'vitest'
import {
  DETERMINATIONS,
  OUTCOMES,
  RELIEF_DETERMINATIONS,
  REMEDIES,
} from '../../../data-contracts/determinations.ts'
import { MOTION_CSV_COLUMNS } from '../../../data-contracts/outputs/motion-cases.contract.ts'
import { motionCsv } from '../../../reports/motions/motion-csv.ts'
import { BEYOND_STATUTE, RELIEF_SECTIONS } from '../../../reports/motions/relief-sections.ts'
import { DETERMINATION_ORDER } from '../../../reports/charts/palette.ts'
import { PUBLIC_MART_COLUMNS } from '../../../data-contracts/outputs/public-marts.contract.ts'
import { COMPARE_MART, PUBLIC_MARTS } from '../../../reports/report/public-marts.ts'
import { COURT_ONLY_MART } from '../../../reports/report/court-only-mart.ts'
import { AUMA_EFFECTIVE_DATE, PRE_AUMA_LAST_DATE } from '../../../data-contracts/prop64-dates.ts'

describe('output contracts', () => {
  it('the motion CSV header is the contract, column for column', () => {
    expect(motionCsv([]).trimEnd()).toBe(MOTION_CSV_COLUMNS.join(','))
  })

  it('the motion schedules follow the remedy order of the vocabulary, with D for relief beyond HS 11361.8', () => {
    const statute = RELIEF_SECTIONS.filter((s) => s.key !== BEYOND_STATUTE)
    expect(statute.map((s) => s.key)).toEqual([...REMEDIES])
    expect(RELIEF_SECTIONS.map((s) => s.schedule)).toEqual(['A', 'B', 'C', 'D', 'E', 'F'])
    expect(RELIEF_SECTIONS[3]!.key).toBe(BEYOND_STATUTE)
  })

  it('charts order determinations as the vocabulary does; relief is dismiss and reduce', () => {
    expect(DETERMINATION_ORDER).toEqual(DETERMINATIONS)
    expect(OUTCOMES).toEqual([...DETERMINATIONS, 'relief', 'all'])
    expect(RELIEF_DETERMINATIONS.every((d) => DETERMINATIONS.includes(d))).toBe(true)
  })

  it('every published mart has a column contract ending in suppressed, rounded', () => {
    for (const m of [...PUBLIC_MARTS, COMPARE_MART, COURT_ONLY_MART]) {
      const cols = (PUBLIC_MART_COLUMNS as Record<string, readonly string[]>)[m.name]
      expect(cols, m.name).toBeDefined()
      expect(cols!.slice(-2)).toEqual(['suppressed', 'rounded'])
      for (const w of m.withheld) expect(cols, `${m.name}.${w}`).toContain(w)
    }
  })

  it('the day before Prop 64 is derived from its effective date', () => {
    expect(AUMA_EFFECTIVE_DATE).toBe('2016-11-09')
    expect(PRE_AUMA_LAST_DATE).toBe('2016-11-08')
  })
})
