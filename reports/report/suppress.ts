/**
 * Small-cell suppression for everything public. Pure: cells in, one flag per cell out.
 *
 * Primary: a cell describing 1 to minCell−1 people is withheld (zero is shown: it describes no one).
 * Complementary: a withheld cell must not be recoverable by subtraction. Wherever published cells add up
 * to a published total (the four determinations to 'all', dismiss + reduce to 'relief', counties to the
 * state, years, code sections, race groups … to their margin), a total with exactly one withheld part gets
 * a second part withheld, the smallest non-zero one (or, when every other part is zero, the total itself),
 * repeated until nothing changes.
 *
 * Cells from different marts that describe the same people share one identity (the statewide total appears
 * in every mart). Cells of different layers (statute, final, compare scenarios) with the same dimensions and
 * the same numbers are withheld together: equal numbers are the same disclosure, and a policy often leaves a
 * group's cell unchanged.
 */

export interface Cell {
  /** Dimension values; a missing dimension or 'all' means the cell is summed over that dimension. */
  dims: Readonly<Record<string, string>>
  /** dismiss | reduce | review | not_eligible | relief (dismiss + reduce) | all */
  outcome: string
  /** 'final' or 'statute': cells of different layers never add up to one another. */
  layer: string
  /** Convictions in the cell (what adds up). */
  counts: number
  /** Distinct people in the cell (what the threshold is about). */
  people: number
  /** false for a cell that is part of no sum (e.g. overlapping data-quality flags): primary rule only. */
  additive?: boolean
}

const ALL = 'all'
const SEP = '\u0001'
const PARTS: { total: string; parts: string[] }[] = [
  { total: 'all', parts: ['dismiss', 'reduce', 'review', 'not_eligible'] },
  { total: 'relief', parts: ['dismiss', 'reduce'] },
]

interface Node {
  key: string
  link: string
  layer: string
  outcome: string
  values: string[]
  counts: number
  people: number
  additive: boolean
  suppressed: boolean
}

/** True when a cell must be withheld under the primary rule alone. */
export const isSmall = (people: number, minCell: number): boolean => people > 0 && people < minCell

/** Returns, for each input cell, whether it is withheld. Throws if two cells claim one identity with different values. */
export function suppressCells(cells: readonly Cell[], minCell: number): boolean[] {
  const dimNames = [...new Set(cells.flatMap((c) => Object.keys(c.dims)))].sort()
  const nodes = new Map<string, Node>()
  const nodeOf: Node[] = []
  for (const c of cells) {
    const additive = c.additive ?? true
    const values = dimNames.map((d) => c.dims[d] ?? ALL)
    const link = `${values.join(SEP)}${SEP}${c.outcome}${additive ? '' : `${SEP}(non-additive)`}`
    const key = `${c.layer}${SEP}${link}`
    let n = nodes.get(key)
    if (!n) {
      n = {
        key,
        link,
        layer: c.layer,
        outcome: c.outcome,
        values,
        counts: c.counts,
        people: c.people,
        additive,
        suppressed: false,
      }
      nodes.set(key, n)
    } else if (n.counts !== c.counts || n.people !== c.people)
      throw new Error(
        `two cells for ${key.replaceAll(SEP, '/')} disagree: ${n.counts}/${n.people} vs ${c.counts}/${c.people}`,
      )
    nodeOf.push(n)
  }

  const links = new Map<string, Node[]>()
  const linkOf = (n: Node) => `${n.link}${SEP}${n.counts}${SEP}${n.people}`
  for (const n of nodes.values()) links.set(linkOf(n), [...(links.get(linkOf(n)) ?? []), n])
  const withhold = (n: Node) => {
    for (const m of links.get(linkOf(n))!) m.suppressed = true
  }
  for (const n of nodes.values()) if (isSmall(n.people, minCell)) withhold(n)

  const constraints = buildConstraints(
    [...nodes.values()].filter((n) => n.additive),
    nodes,
  )
  const memberOf = new Map<Node, Constraint[]>()
  for (const c of constraints) for (const p of c.parts) memberOf.set(p, [...(memberOf.get(p) ?? []), c])
  const open = (c: Constraint) => !c.total.suppressed && c.parts.filter((p) => p.suppressed).length === 1
  // How many other open constraints withholding this cell would also close: prefer such cells, so one
  // complement serves several totals instead of starting a new chain.
  const closes = (n: Node) => (memberOf.get(n) ?? []).filter(open).length
  let changed = true
  while (changed) {
    changed = false
    for (const c of constraints) {
      if (!open(c)) continue
      const candidate = c.parts
        .filter((p) => !p.suppressed && p.counts > 0)
        .map((p) => ({ p, closes: closes(p) }))
        .sort(
          (a, b) =>
            b.closes - a.closes ||
            a.p.counts - b.p.counts ||
            a.p.people - b.p.people ||
            (a.p.key < b.p.key ? -1 : 1),
        )[0]?.p
      // The other parts are all zero: the hidden one equals the total, so the total must go too.
      withhold(candidate ?? c.total)
      changed = true
    }
  }
  return nodeOf.map((n) => n.suppressed)
}

interface Constraint {
  total: Node
  parts: Node[]
}

/** Every published "parts add up to a published total" relation among additive cells. */
function buildConstraints(additive: Node[], nodes: Map<string, Node>): Constraint[] {
  const out: Constraint[] = []
  const keyOf = (layer: string, values: string[], outcome: string) =>
    `${layer}${SEP}${values.join(SEP)}${SEP}${outcome}`

  // Determinations add up to 'all'; dismiss and reduce add up to 'relief'.
  const byDims = new Map<string, Node[]>()
  for (const n of additive) {
    const k = `${n.layer}${SEP}${n.values.join(SEP)}`
    byDims.set(k, [...(byDims.get(k) ?? []), n])
  }
  for (const group of byDims.values()) {
    for (const { total, parts } of PARTS) {
      const t = group.find((n) => n.outcome === total)
      const ps = group.filter((n) => parts.includes(n.outcome))
      if (t && ps.length) out.push({ total: t, parts: ps })
    }
  }

  // Along the dimensions: the cells of one level (set of specified dimensions) that agree with a coarser
  // published cell on its specified dimensions add up to it.
  const groups = new Map<string, { total: Node; parts: Node[] }>()
  for (const n of additive) {
    const specified = n.values.flatMap((v, i) => (v === ALL ? [] : [i]))
    if (specified.length === 0) continue
    const level = specified.join(',')
    // every strict subset of the specified dimensions is a possible parent level
    for (let mask = 0; mask < 1 << specified.length; mask++) {
      if (mask === (1 << specified.length) - 1) continue
      const parentValues = n.values.slice()
      specified.forEach((dimIndex, bit) => {
        if (!(mask & (1 << bit))) parentValues[dimIndex] = ALL
      })
      const total = nodes.get(keyOf(n.layer, parentValues, n.outcome))
      if (!total || !total.additive) continue
      const gk = `${total.key}${SEP}${level}`
      const g = groups.get(gk)
      if (g) g.parts.push(n)
      else groups.set(gk, { total, parts: [n] })
    }
  }
  out.push(...groups.values())
  return out
}
