import { describe, expect, it } from 'vitest'
import { suppressTable, type TableCell } from '../../../reports/suppression/table-cells.ts'

const cell = (
  dims: Record<string, string>,
  outcome: string,
  counts: number,
  people = counts,
  layer = 'final',
): TableCell => ({ dims, outcome, counts, people, layer })
const decide = (cells: TableCell[], minCell = 11) => {
  const d = suppressTable(cells, { minCell })
  return (dims: Record<string, string>, outcome: string, layer = 'final') =>
    d[
      cells.findIndex(
        (c) => c.layer === layer && c.outcome === outcome && JSON.stringify(c.dims) === JSON.stringify(dims),
      )
    ]?.kind ?? 'shown'
}

describe('tables by dimension', () => {
  it('withholds 1 to 10 people, shows 0 and 11', () => {
    const cells = [0, 1, 10, 11].map((n, i) => cell({ county: `C${i}` }, 'all', n))
    expect(suppressTable(cells, { minCell: 11 }).map((d) => d?.kind ?? 'shown')).toEqual([
      'shown',
      'withheld',
      'withheld',
      'shown',
    ])
  })

  it('the four determinations add up to all: the smallest other determination goes', () => {
    const c = { county: 'A' }
    const f = decide([
      cell(c, 'dismiss', 5),
      cell(c, 'reduce', 300),
      cell(c, 'review', 40),
      cell(c, 'not_eligible', 20),
      cell(c, 'all', 365),
    ])
    expect([f(c, 'dismiss'), f(c, 'not_eligible'), f(c, 'review'), f(c, 'reduce'), f(c, 'all')]).toEqual([
      'withheld',
      'withheld',
      'shown',
      'shown',
      'shown',
    ])
  })

  it('dismiss + reduce = relief: a large complement is rounded, not withheld', () => {
    const c = { county: 'A' }
    const f = decide([cell(c, 'dismiss', 5), cell(c, 'reduce', 300), cell(c, 'relief', 305)])
    expect([f(c, 'dismiss'), f(c, 'reduce'), f(c, 'relief')]).toEqual(['withheld', 'rounded', 'shown'])
  })

  it('counties add up to the state: another county goes, never the statewide figure', () => {
    const f = decide([
      cell({}, 'all', 230),
      cell({ county: 'A' }, 'all', 7),
      cell({ county: 'B' }, 'all', 23),
      cell({ county: 'C' }, 'all', 200),
    ])
    expect([
      f({ county: 'A' }, 'all'),
      f({ county: 'B' }, 'all'),
      f({ county: 'C' }, 'all'),
      f({}, 'all'),
    ]).toEqual(['withheld', 'withheld', 'shown', 'shown'])
  })

  it('statewide totals by determination stay published beside a small statewide determination', () => {
    // The contra-costa pattern: statewide review is 2, everything else large.
    const f = decide([
      cell({}, 'dismiss', 21315, 14858),
      cell({}, 'reduce', 77, 64),
      cell({}, 'review', 2, 2),
      cell({}, 'not_eligible', 411, 317),
      cell({}, 'relief', 21392, 14908),
      cell({}, 'all', 21805, 15062),
    ])
    expect(f({}, 'review')).toBe('withheld')
    for (const o of ['dismiss', 'reduce', 'not_eligible', 'relief', 'all'])
      expect(f({}, o), o).not.toBe('withheld')
    expect(f({}, 'dismiss')).toBe('shown')
  })

  it('a three-way table is protected against each one-way margin', () => {
    const f = decide([
      cell({}, 'all', 100),
      cell({ race_group: 'a' }, 'all', 60),
      cell({ race_group: 'b' }, 'all', 40),
      cell({ race_group: 'a', gender: 'f' }, 'all', 5),
      cell({ race_group: 'a', gender: 'm' }, 'all', 55),
      cell({ race_group: 'b', gender: 'f' }, 'all', 15),
      cell({ race_group: 'b', gender: 'm' }, 'all', 25),
    ])
    expect(f({ race_group: 'a', gender: 'f' }, 'all')).toBe('withheld')
    expect(f({ race_group: 'a', gender: 'm' }, 'all')).toBe('withheld')
  })

  it('equal cells of the statute and final layers are decided together', () => {
    const cells = [
      cell({ race_group: 'a' }, 'dismiss', 8, 8, 'statute'),
      cell({ race_group: 'a' }, 'dismiss', 8, 8, 'final'),
      cell({ race_group: 'b' }, 'dismiss', 30, 30, 'statute'),
      cell({ race_group: 'b' }, 'dismiss', 300, 300, 'final'),
    ]
    expect(suppressTable(cells, { minCell: 11 }).map((d) => d?.kind ?? 'shown')).toEqual([
      'withheld',
      'withheld',
      'shown',
      'shown',
    ])
  })

  it('refuses two different numbers for one cell', () => {
    expect(() =>
      suppressTable([cell({}, 'all', 5), cell({ county: 'all' }, 'all', 6)], { minCell: 11 }),
    ).toThrow(/disagree/)
  })
})
