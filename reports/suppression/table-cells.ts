/**
 * Tables described by dimensions (the public marts, compare's tables): finds every published "parts add up
 * to a published total" relation among the cells, then asks the engine (suppress.ts) what to withhold.
 *
 * Relations: the four determinations add up to 'all', dismiss + reduce to 'relief'; along the dimensions,
 * the cells of one level (set of specified dimensions) that agree with a coarser published cell on its
 * specified dimensions add up to it (counties to the state, years, sections, levels, race groups …).
 * Cells from different marts that describe the same people share one identity (the statewide total appears
 * in every mart). Cells of different layers (statute, final, scenarios) with the same dimensions and the
 * same numbers are decided together: equal numbers are the same disclosure, and a policy often leaves a
 * group's cell unchanged. Statewide cells (every dimension 'all') are protected: never withheld as a
 * complement, rounded instead.
 */
import { suppress, type Constraint, type Decision, type SuppressOptions } from './suppress.ts'

export type { Decision } from './suppress.ts'

export interface TableCell {
  /** Dimension values; a missing dimension or 'all' means the cell is summed over that dimension. */
  dims: Readonly<Record<string, string>>
  /** dismiss | reduce | review | not_eligible | relief (dismiss + reduce) | all */
  outcome: string
  /** 'final' or 'statute' or 'scenario:…': cells of different layers never add up to one another. */
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
const OUTCOME_SUMS: { total: string; parts: string[] }[] = [
  { total: 'all', parts: ['dismiss', 'reduce', 'review', 'not_eligible'] },
  { total: 'relief', parts: ['dismiss', 'reduce'] },
]

interface Node {
  key: string
  layer: string
  outcome: string
  values: string[]
  counts: number
  people: number
  additive: boolean
}

/** For each input cell, its decision (undefined: shown as it is). Throws if two cells claim one identity with different values. */
export function suppressTable(cells: readonly TableCell[], opts: SuppressOptions): (Decision | undefined)[] {
  const dimNames = [...new Set(cells.flatMap((c) => Object.keys(c.dims)))].sort()
  const nodes = new Map<string, Node>()
  const keyOf: string[] = []
  for (const c of cells) {
    const additive = c.additive ?? true
    const values = dimNames.map((d) => c.dims[d] ?? ALL)
    const key = `${c.layer}${SEP}${values.join(SEP)}${SEP}${c.outcome}${additive ? '' : `${SEP}(non-additive)`}`
    const n = nodes.get(key)
    if (!n)
      nodes.set(key, {
        key,
        layer: c.layer,
        outcome: c.outcome,
        values,
        counts: c.counts,
        people: c.people,
        additive,
      })
    else if (n.counts !== c.counts || n.people !== c.people)
      throw new Error(
        `two cells for ${key.replaceAll(SEP, '/')} disagree: ${n.counts}/${n.people} vs ${c.counts}/${c.people}`,
      )
    keyOf.push(key)
  }

  // Same dimensions and numbers in another layer: one decision.
  const sameNumbers = new Map<string, string[]>()
  for (const n of nodes.values()) {
    const k = `${n.values.join(SEP)}${SEP}${n.outcome}${SEP}${n.additive}${SEP}${n.counts}${SEP}${n.people}`
    sameNumbers.set(k, [...(sameNumbers.get(k) ?? []), n.key])
  }
  const decisions = suppress(
    [...nodes.values()].map((n) => ({
      id: n.key,
      counts: n.counts,
      people: n.people,
      protected: n.additive && n.values.every((v) => v === ALL),
    })),
    relations(
      [...nodes.values()].filter((n) => n.additive),
      nodes,
    ),
    [...sameNumbers.values()].filter((l) => l.length > 1),
    opts,
  )
  return keyOf.map((k) => decisions.get(k))
}

/** Every published "parts add up to a published total" relation among additive cells. */
function relations(additive: Node[], nodes: Map<string, Node>): Constraint[] {
  const out: Constraint[] = []
  const keyOf = (layer: string, values: string[], outcome: string) =>
    `${layer}${SEP}${values.join(SEP)}${SEP}${outcome}`

  const byDims = new Map<string, Node[]>()
  for (const n of additive) {
    const k = `${n.layer}${SEP}${n.values.join(SEP)}`
    byDims.set(k, [...(byDims.get(k) ?? []), n])
  }
  for (const group of byDims.values())
    for (const { total, parts } of OUTCOME_SUMS) {
      const t = group.find((n) => n.outcome === total)
      const ps = group.filter((n) => parts.includes(n.outcome))
      if (t && ps.length) out.push({ total: t.key, parts: ps.map((p) => p.key) })
    }

  const groups = new Map<string, Constraint & { parts: string[] }>()
  for (const n of additive) {
    const specified = n.values.flatMap((v, i) => (v === ALL ? [] : [i]))
    if (specified.length === 0) continue
    const level = specified.join(',')
    // every strict subset of the specified dimensions is a possible parent level
    for (let mask = 0; mask < (1 << specified.length) - 1; mask++) {
      const parentValues = n.values.slice()
      specified.forEach((dimIndex, bit) => {
        if (!(mask & (1 << bit))) parentValues[dimIndex] = ALL
      })
      const total = nodes.get(keyOf(n.layer, parentValues, n.outcome))
      if (!total || !total.additive) continue
      const gk = `${total.key}${SEP}${level}`
      const g = groups.get(gk)
      if (g) g.parts.push(n.key)
      else groups.set(gk, { total: total.key, parts: [n.key] })
    }
  }
  out.push(...groups.values())
  return out
}
