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

/**
 * Tightens `known` (not modified) with every constraint until nothing changes; ids missing from it are 0.
 */
export function deriveBounds(
  known: ReadonlyMap<string, readonly [number, number]>,
  constraints: readonly Constraint[],
  maxRounds = 200,
): Bounds {
  const ids = [...known.keys()]
  const lo = Float64Array.from(ids, (id) => known.get(id)![0])
  const hi = Float64Array.from(ids, (id) => known.get(id)![1])
  boundsAuditor(ids, constraints, maxRounds)(lo, hi)
  return new Map(ids.map((id, i) => [id, [lo[i]!, hi[i]!]]))
}

/**
 * deriveBounds for one set of cells audited many times over (the suppression engine audits every candidate
 * table): the cells' ids and the constraints are indexed once, and each call tightens the intervals held in two
 * number arrays (`lo`, `hi`, in the order of `ids`) in place, reading and writing them in the same order as a map
 * of [lo, hi] pairs would. An id a constraint names that is not in `ids` is read as [0, 0] and never tightened.
 */
export function boundsAuditor(
  ids: readonly string[],
  constraints: readonly Constraint[],
  maxRounds = 200,
): (lo: Float64Array, hi: Float64Array) => void {
  const index = new Map(ids.map((id, i) => [id, i]))
  const at = (id: string) => index.get(id) ?? -1
  const compiled = constraints.map((c) => ({ total: at(c.total), parts: Int32Array.from(c.parts, at) }))
  return (lo, hi) => {
    const loOf = (i: number) => (i < 0 ? 0 : lo[i]!)
    const hiOf = (i: number) => (i < 0 ? 0 : hi[i]!)
    let changed = true
    const tighten = (i: number, l: number, h: number) => {
      if (i < 0) return
      if (l > lo[i]! || h < hi[i]!) changed = true
      lo[i] = Math.max(lo[i]!, l)
      hi[i] = Math.min(hi[i]!, h)
    }
    for (let round = 0; changed && round < maxRounds; round++) {
      changed = false
      for (const c of compiled) {
        let sumLo = 0
        let infinite = 0
        let finiteHi = 0
        for (const p of c.parts) {
          sumLo += loOf(p)
          const h = hiOf(p)
          if (h === Infinity) infinite++
          else finiteHi += h
        }
        tighten(c.total, sumLo, infinite ? Infinity : finiteHi)
        for (const p of c.parts) {
          const l = loOf(p)
          const h = hiOf(p)
          const othersHi =
            infinite - (h === Infinity ? 1 : 0) > 0 ? Infinity : finiteHi - (h === Infinity ? 0 : h)
          tighten(p, loOf(c.total) - othersHi, hiOf(c.total) - (sumLo - l))
        }
      }
    }
  }
}
