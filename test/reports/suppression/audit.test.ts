import { describe, expect, it } from 'vitest'
import { boundsAuditor, deriveBounds } from '../../../reports/suppression/audit.ts'
import fc from 'fast-check'
import { referenceDeriveBounds } from './reference-derive-bounds.ts'

const known = (o: Record<string, [number, number]>) => new Map(Object.entries(o))

/** A cell as the report holds it: shown, rounded (a range of 5), or withheld. */
const cell = fc.oneof(
  fc.integer({ min: 0, max: 30 }).map((v): [number, number] => [v, v]),
  fc.integer({ min: 0, max: 30 }).map((v): [number, number] => [v, v + 4]),
  fc.constant<[number, number]>([0, Infinity]),
)

/** Up to 8 constraints over cell numbers 0..maxId, each a total and up to maxParts parts. */
const constraintsOf = (maxId: number, maxParts: number) =>
  fc.array(
    fc.record({
      total: fc.integer({ min: 0, max: maxId }),
      parts: fc.array(fc.integer({ min: 0, max: maxId }), { minLength: 1, maxLength: maxParts }),
    }),
    { maxLength: 8 },
  )

describe('interval audit (what a reader can work out)', () => {
  it('recovers the one withheld part of a published total', () => {
    const b = deriveBounds(known({ a: [50, 50], b: [0, Infinity], t: [74, 74] }), [
      { total: 't', parts: ['a', 'b'] },
    ])
    expect(b.get('b')).toEqual([24, 24])
  })

  it('two withheld parts keep each other open', () => {
    const b = deriveBounds(known({ a: [50, 50], b: [0, Infinity], c: [0, Infinity], t: [74, 74] }), [
      { total: 't', parts: ['a', 'b', 'c'] },
    ])
    expect(b.get('b')).toEqual([0, 24])
  })

  it('a rounded neighbour leaves a range, not a value', () => {
    // relief = dismiss + reduce, all = relief + not_eligible; all rounded (500: 495..504), relief shown.
    const b = deriveBounds(known({ d: [496, 496], rel: [496, 496], n: [0, Infinity], all: [495, 504] }), [
      { total: 'rel', parts: ['d'] },
      { total: 'all', parts: ['d', 'n'] },
    ])
    expect(b.get('n')).toEqual([0, 8])
  })

  it('chains: a cell known from a second relation closes the first', () => {
    // x + y = 20 (row), x + z = 15 (column), z shown: x, then y.
    const b = deriveBounds(
      known({ x: [0, Infinity], y: [0, Infinity], z: [9, 9], r: [20, 20], c: [15, 15] }),
      [
        { total: 'r', parts: ['x', 'y'] },
        { total: 'c', parts: ['x', 'z'] },
      ],
    )
    expect(b.get('x')).toEqual([6, 6])
    expect(b.get('y')).toEqual([14, 14])
  })
})

describe('deriveBounds equals its first, map-based version', () => {
  it('on random tables of totals and parts, with shown, rounded and withheld cells and unknown ids', () => {
    fc.assert(
      fc.property(
        fc.array(cell, { minLength: 1, maxLength: 12 }),
        constraintsOf(13, 5),
        fc.integer({ min: 1, max: 6 }),
        (cells, cons, rounds) => {
          const known = new Map(cells.map((c, i) => [`c${i}`, c] as const))
          // Ids past the cells (c12, c13) are unknown: read as 0, never tightened.
          const constraints = cons.map((c) => ({ total: `c${c.total}`, parts: c.parts.map((p) => `c${p}`) }))
          expect(deriveBounds(known, constraints, rounds)).toEqual(
            referenceDeriveBounds(known, constraints, rounds),
          )
          expect(deriveBounds(known, constraints)).toEqual(referenceDeriveBounds(known, constraints))
        },
      ),
      { numRuns: 500 },
    )
  })
})

describe('one auditor, audited many times (the suppression engine reuses it for every candidate table)', () => {
  it('each call gives what the map-based version gives for those intervals: nothing carries over', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 10, maxLength: 10 }), { minLength: 2, maxLength: 4 }),
        constraintsOf(11, 4),
        (tables, cons) => {
          const ids = Array.from({ length: 10 }, (_, i) => `c${i}`)
          const constraints = cons.map((c) => ({ total: `c${c.total}`, parts: c.parts.map((p) => `c${p}`) }))
          const audit = boundsAuditor(ids, constraints)
          for (const cells of tables) {
            const lo = Float64Array.from(cells, (c) => c[0])
            const hi = Float64Array.from(cells, (c) => c[1])
            audit(lo, hi)
            const expected = referenceDeriveBounds(new Map(ids.map((id, i) => [id, cells[i]!])), constraints)
            expect(ids.map((_, i) => [lo[i], hi[i]])).toEqual(ids.map((id) => expected.get(id)))
          }
        },
      ),
      { numRuns: 300 },
    )
  })
})
