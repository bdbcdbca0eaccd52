import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { suppressCells, type Cell } from '../../../reports/report/suppress.ts'

const cell = (
  dims: Record<string, string>,
  outcome: string,
  counts: number,
  people = counts,
  layer = 'final',
): Cell => ({
  dims,
  outcome,
  counts,
  people,
  layer,
})
const flagsOf = (cells: Cell[], min = 11) => {
  const f = suppressCells(cells, min)
  return (dims: Record<string, string>, outcome: string, layer = 'final') =>
    f[
      cells.findIndex(
        (c) => c.layer === layer && c.outcome === outcome && JSON.stringify(c.dims) === JSON.stringify(dims),
      )
    ]
}

describe('primary suppression', () => {
  it('withholds 1 to 10 people, shows 0 and 11', () => {
    const cells = [0, 1, 10, 11].map((n, i) => cell({ county: `C${i}` }, 'all', n))
    expect(suppressCells(cells, 11)).toEqual([false, true, true, false])
  })
  it('judges people, not convictions', () => {
    expect(suppressCells([cell({ county: 'A' }, 'all', 40, 10)], 11)).toEqual([true])
  })
})

describe('complementary suppression', () => {
  it('hides a second determination when one of four would be total minus the rest', () => {
    const c = { county: 'A' }
    const cells = [
      cell(c, 'dismiss', 5),
      cell(c, 'reduce', 300),
      cell(c, 'review', 40),
      cell(c, 'not_eligible', 20),
      cell(c, 'all', 365),
    ]
    const f = flagsOf(cells)
    expect(f(c, 'dismiss')).toBe(true)
    expect(f(c, 'not_eligible')).toBe(true) // the smallest other part
    expect(f(c, 'reduce')).toBe(false)
    expect(f(c, 'all')).toBe(false)
  })

  it('dismiss + reduce = relief: hiding dismiss hides reduce', () => {
    const c = { county: 'A' }
    const f = flagsOf([cell(c, 'dismiss', 5), cell(c, 'reduce', 300), cell(c, 'relief', 305)])
    expect(f(c, 'reduce')).toBe(true)
    expect(f(c, 'relief')).toBe(false)
  })

  it('hides another county when one county would be the state minus the rest', () => {
    const cells = [
      cell({}, 'all', 230),
      cell({ county: 'A' }, 'all', 7),
      cell({ county: 'B' }, 'all', 23),
      cell({ county: 'C' }, 'all', 200),
    ]
    const f = flagsOf(cells)
    expect([f({ county: 'A' }, 'all'), f({ county: 'B' }, 'all'), f({ county: 'C' }, 'all')]).toEqual([
      true,
      true,
      false,
    ])
  })

  it('hides the total when every other part is zero', () => {
    // A's dismiss (5) is small, so B's dismiss (300) is its complement across counties; B reduced nothing,
    // so B's relief (300) would give B's dismiss back: it goes too.
    const [a, b] = [{ county: 'A' }, { county: 'B' }]
    const cells = [
      cell({}, 'dismiss', 305),
      cell(a, 'dismiss', 5),
      cell(b, 'dismiss', 300),
      cell(b, 'reduce', 0),
      cell(b, 'relief', 300),
    ]
    const f = flagsOf(cells)
    expect([f(a, 'dismiss'), f(b, 'dismiss'), f(b, 'relief'), f({}, 'dismiss')]).toEqual([
      true,
      true,
      true,
      false,
    ])
  })

  it('a three-way table is protected against each one-way margin', () => {
    const cells = [
      cell({}, 'all', 100),
      cell({ race_group: 'a' }, 'all', 60),
      cell({ race_group: 'b' }, 'all', 40),
      cell({ race_group: 'a', gender: 'f' }, 'all', 5),
      cell({ race_group: 'a', gender: 'm' }, 'all', 55),
      cell({ race_group: 'b', gender: 'f' }, 'all', 15),
      cell({ race_group: 'b', gender: 'm' }, 'all', 25),
    ]
    const f = flagsOf(cells)
    expect(f({ race_group: 'a', gender: 'f' }, 'all')).toBe(true)
    expect(f({ race_group: 'a', gender: 'm' }, 'all')).toBe(true)
  })
})

describe('cells in several marts or layers', () => {
  it('equal cells of the statute and final layers are withheld together', () => {
    const cells = [
      cell({ race_group: 'a' }, 'dismiss', 8, 8, 'statute'),
      cell({ race_group: 'a' }, 'dismiss', 8, 8, 'final'),
      cell({ race_group: 'b' }, 'dismiss', 30, 30, 'statute'),
      cell({ race_group: 'b' }, 'dismiss', 300, 300, 'final'),
    ]
    expect(suppressCells(cells, 11)).toEqual([true, true, false, false])
  })
  it('refuses two different numbers for one cell', () => {
    expect(() => suppressCells([cell({}, 'all', 5), cell({ county: 'all' }, 'all', 6)], 11)).toThrow(
      /disagree/,
    )
  })
})

/** Random two-dimensional tables with both margins and the total, as the marts publish them. */
const tableArb = fc
  .record({
    rows: fc.integer({ min: 1, max: 5 }),
    cols: fc.integer({ min: 1, max: 4 }),
    min: fc.integer({ min: 2, max: 15 }),
  })
  .chain(({ rows, cols, min }) =>
    fc.record({
      min: fc.constant(min),
      grid: fc.array(
        fc.array(
          fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 200 })),
          { minLength: cols, maxLength: cols },
        ),
        { minLength: rows, maxLength: rows },
      ),
    }),
  )

describe('suppression property (random tables with margins)', () => {
  it('publishes no cell under the threshold, and never leaves exactly one hidden part under a published total', () => {
    fc.assert(
      fc.property(tableArb, ({ grid, min }) => {
        const cells: Cell[] = []
        const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
        grid.forEach((row, i) => {
          row.forEach((n, j) => cells.push(cell({ r: `r${i}`, c: `c${j}` }, 'all', n)))
          cells.push(cell({ r: `r${i}` }, 'all', sum(row)))
        })
        grid[0]!.forEach((_, j) => cells.push(cell({ c: `c${j}` }, 'all', sum(grid.map((r) => r[j]!)))))
        cells.push(cell({}, 'all', sum(grid.flat())))
        const hidden = suppressCells(cells, min)
        cells.forEach((c, k) => {
          if (!hidden[k]) expect(c.people === 0 || c.people >= min).toBe(true)
        })
        const key = (c: Cell) => JSON.stringify(c.dims)
        const isHidden = new Map(cells.map((c, k) => [key(c), hidden[k]!]))
        const check = (total: string, parts: string[]) => {
          if (isHidden.get(total)) return
          const n = parts.filter((p) => isHidden.get(p)).length
          expect(n).not.toBe(1)
        }
        grid.forEach((row, i) =>
          check(
            JSON.stringify({ r: `r${i}` }),
            row.map((_, j) => JSON.stringify({ r: `r${i}`, c: `c${j}` })),
          ),
        )
        grid[0]!.forEach((_, j) =>
          check(
            JSON.stringify({ c: `c${j}` }),
            grid.map((_, i) => JSON.stringify({ r: `r${i}`, c: `c${j}` })),
          ),
        )
        check(
          '{}',
          grid.map((_, i) => JSON.stringify({ r: `r${i}` })),
        )
        check(
          '{}',
          grid[0]!.map((_, j) => JSON.stringify({ c: `c${j}` })),
        )
      }),
      { numRuns: 300 },
    )
  })
})
