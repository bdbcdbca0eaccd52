import { describe, expect, it } from 'vitest'
import { suppress, type Cell } from '../../../pipelines/export/suppression.ts'

const cells = (o: Record<string, number>) =>
  new Map<string, Cell>(Object.entries(o).map(([k, v]) => [k, { value: v, people: v }]))

describe('small-cell suppression', () => {
  it('withholds cells of 1 to min-1 people and keeps zeros and large cells', () => {
    const w = suppress(cells({ a: 0, b: 3, c: 11, d: 10 }), [], [], 11)
    expect([...w.keys()].sort()).toEqual(['b', 'd'])
    expect(w.get('b')).toBe('small')
  })

  it('withholds a second cell so a lone small cell cannot be recovered from the total', () => {
    // a + b + c = t; only b is small: the smallest other non-zero member (c) goes too.
    const w = suppress(
      cells({ a: 50, b: 4, c: 20, t: 74 }),
      [{ members: ['a', 'b', 'c'], total: 't' }],
      [],
      11,
    )
    expect(w.get('b')).toBe('small')
    expect(w.get('c')).toBe('complementary')
    expect(w.has('a')).toBe(false)
    expect(w.has('t')).toBe(false)
  })

  it('withholds the total when every other member is zero', () => {
    const w = suppress(cells({ a: 0, b: 4, t: 4 }), [{ members: ['a', 'b'], total: 't' }], [], 11)
    expect(w.has('t')).toBe(true)
  })

  it('spreads through linked cells and across groups until stable', () => {
    const w = suppress(
      cells({ r1: 5, x1: 30, t1: 35, r2: 5, x2: 40, y2: 60, t2: 105 }),
      [
        { members: ['r1', 'x1'], total: 't1' },
        { members: ['r2', 'x2', 'y2'], total: 't2' },
      ],
      [['r1', 'r2']],
      3,
    )
    // Nothing is small at min 3 … until the link is used with min 6 below.
    expect(w.size).toBe(0)
    const w6 = suppress(
      new Map<string, Cell>([
        ['r1', { value: 5, people: 5 }],
        ['x1', { value: 30, people: 30 }],
        ['t1', { value: 35, people: 35 }],
        ['r2', { value: 5, people: 20 }],
        ['x2', { value: 40, people: 40 }],
        ['y2', { value: 60, people: 60 }],
        ['t2', { value: 105, people: 105 }],
      ]),
      [
        { members: ['r1', 'x1'], total: 't1' },
        { members: ['r2', 'x2', 'y2'], total: 't2' },
      ],
      [['r1', 'r2']],
      6,
    )
    expect([...w6.keys()].sort()).toEqual(['r1', 'r2', 'x1', 'x2'])
  })
})
