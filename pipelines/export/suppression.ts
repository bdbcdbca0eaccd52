/**
 * Small-cell suppression for published tables. A cell describing 1 to min-1 people is withheld (primary).
 * Then, so a withheld cell cannot be recovered by subtraction, any additive group (members that sum to a
 * published total) left with exactly one unknown gets a second cell withheld: the smallest non-zero member
 * still shown, else the total (complementary). Cells that publish the same quantity under two names are
 * withheld together. Repeats until nothing changes. Zero cells stay shown: they describe no one.
 */

export interface Cell {
  /** Number published (convictions or people). */
  value: number
  /** Distinct people the cell describes; decides primary suppression. */
  people: number
}

export interface AdditiveGroup {
  members: readonly string[]
  total: string
}

export type Withheld = Map<string, 'small' | 'complementary'>

export function suppress(
  cells: ReadonlyMap<string, Cell>,
  groups: readonly AdditiveGroup[],
  links: readonly (readonly string[])[],
  minCell: number,
): Withheld {
  const out: Withheld = new Map()
  for (const [id, c] of cells) if (c.people > 0 && c.people < minCell) out.set(id, 'small')
  const shown = (id: string) => cells.has(id) && !out.has(id)
  const hide = (id: string) => {
    if (shown(id)) {
      out.set(id, 'complementary')
      return true
    }
    return false
  }
  let changed = true
  while (changed) {
    changed = false
    for (const g of groups) {
      const ids = [...g.members, g.total].filter((id) => cells.has(id))
      const unknown = ids.filter((id) => out.has(id))
      if (unknown.length !== 1) continue
      const candidates = g.members
        .filter((id) => shown(id) && cells.get(id)!.value > 0)
        .sort((a, b) => cells.get(a)!.value - cells.get(b)!.value || (a < b ? -1 : 1))
      if (candidates.length) changed = hide(candidates[0]!) || changed
      else changed = hide(g.total) || changed
    }
    for (const ids of links)
      if (ids.some((id) => out.has(id))) for (const id of ids) changed = hide(id) || changed
  }
  return out
}
