/**
 * What a reader can work out from a published table: every cell's interval once every "parts add up to
 * the total" relation has been used, repeatedly, to tighten the others (interval propagation). A shown
 * cell is a point, a rounded cell the range of values that round to it, a withheld cell [0, ∞). A withheld
 * small cell whose interval collapses to a point has been recovered by subtraction.
 */

export interface Constraint {
  total: string
  parts: readonly string[]
}

export type Bounds = Map<string, [number, number]>

/** Tightens `known` (not modified) with every constraint until nothing changes; ids missing from it are 0. */
export function deriveBounds(
  known: ReadonlyMap<string, readonly [number, number]>,
  constraints: readonly Constraint[],
  maxRounds = 200,
): Bounds {
  const b: Bounds = new Map([...known].map(([k, v]) => [k, [v[0], v[1]]]))
  const get = (id: string): [number, number] => b.get(id) ?? [0, 0]
  for (let round = 0, changed = true; changed && round < maxRounds; round++) {
    changed = false
    const tighten = (id: string, lo: number, hi: number) => {
      const cur = b.get(id)
      if (!cur) return
      if (lo > cur[0] || hi < cur[1]) changed = true
      cur[0] = Math.max(cur[0], lo)
      cur[1] = Math.min(cur[1], hi)
    }
    for (const c of constraints) {
      const parts = c.parts.map(get)
      const sumLo = parts.reduce((a, p) => a + p[0], 0)
      const infinite = parts.filter((p) => p[1] === Infinity).length
      const finiteHi = parts.reduce((a, p) => a + (p[1] === Infinity ? 0 : p[1]), 0)
      const t = get(c.total)
      tighten(c.total, sumLo, infinite ? Infinity : finiteHi)
      c.parts.forEach((id, i) => {
        const [lo, hi] = parts[i]!
        const othersHi =
          infinite - (hi === Infinity ? 1 : 0) > 0 ? Infinity : finiteHi - (hi === Infinity ? 0 : hi)
        tighten(id, t[0] - othersHi, t[1] - (sumLo - lo))
      })
    }
  }
  return b
}
