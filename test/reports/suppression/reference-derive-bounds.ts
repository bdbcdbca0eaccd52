/**
 * The first deriveBounds (reports/suppression/audit.ts), a map of [lo, hi] pairs updated in place: kept as the
 * oracle the indexed version must equal, step for step.
 */
import type { Bounds, Constraint } from '../../../reports/suppression/audit.ts'

/** Tightens `known` (not modified) with every constraint until nothing changes; ids missing from it are 0. */
export function referenceDeriveBounds(
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
