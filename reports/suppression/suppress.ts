/**
 * The one small-cell suppression engine for everything public. Pure: cells and the relations between them
 * in, a decision per cell out.
 *
 * 1. Primary: a cell describing 1 to minCell − 1 people is withheld. Zero is shown: it describes no one.
 * 2. Complementary: wherever published parts add up to a published total and exactly one of them is
 *    uncertain (withheld or rounded), it could be worked out by subtraction, so a second one is made
 *    uncertain: the candidate costing the least information. A cell of fewer than LARGE_CELL people is
 *    withheld (cost: its people); a larger one, or a protected one (a statewide figure), is never withheld
 *    but published rounded to the nearest ROUND_TO (cost: LARGE_CELL, more for protected cells). A choice
 *    that also closes another open relation is cheaper; one that opens a new relation costs that relation's
 *    cheapest complement too. Repeated until no relation has exactly one uncertain member.
 * 3. Audit: interval propagation over all relations (audit.ts). A withheld small cell still pinned to one
 *    value gets one more complement in its tightest relation, and 2–3 run again.
 * 4. Prune: each complement, largest first, is shown again if 2 and 3 still hold without it.
 *
 * Cells linked together publish one quantity (or equal numbers a reader would take for one): they share
 * one decision.
 */
import { boundsAuditor, type Constraint } from './audit.ts'
import { LARGE_CELL, isSmall } from './min-cell.ts'
import { ROUND_TO, roundValue, roundedRange } from './rounding.ts'

export type { Constraint } from './audit.ts'

export interface SuppressCell {
  id: string
  /** Convictions (what adds up). */
  counts: number
  /** Distinct people (what the threshold is about). */
  people: number
  /** A figure that is never withheld as a complement (statewide totals): rounded instead. */
  protected?: boolean
}

export type Decision =
  | { kind: 'withheld'; reason: 'small' | 'complement' }
  | { kind: 'rounded'; counts: number; people: number; range: [number, number] }

/** What a public output shows for a cell: the exact number, its rounded value, or null when withheld. */
export function shownValue(decision: Decision | undefined, exact: number): number | null {
  if (!decision) return exact
  return decision.kind === 'rounded' ? decision.counts : null
}

export interface SuppressOptions {
  minCell: number
  largeCell?: number
  roundTo?: number
}

interface Node {
  id: string
  counts: number
  people: number
  protected: boolean
  state: 'shown' | 'withheld' | 'rounded'
  small: boolean
  constraints: NodeConstraint[]
}

interface NodeConstraint {
  members: Node[]
  total: Node
  parts: Node[]
}

/** Decisions for the cells that are not shown as they are (withheld or rounded), by id. */
export function suppress(
  cells: readonly SuppressCell[],
  constraints: readonly Constraint[],
  links: readonly (readonly string[])[],
  opts: SuppressOptions,
): Map<string, Decision> {
  const large = opts.largeCell ?? LARGE_CELL
  const base = opts.roundTo ?? ROUND_TO
  const byId = new Map(cells.map((c) => [c.id, c]))
  // A total whose only non-zero part is one cell is that cell under another name (relief = dismiss when
  // nothing is reduced): one quantity, one decision, instead of a chain of complements.
  const nonZero = (id: string) => (byId.get(id)?.counts ?? 0) > 0
  const sameAs = constraints.flatMap((c) => {
    const parts = c.parts.filter(nonZero)
    const [t, p] = [byId.get(c.total), byId.get(parts[0] ?? '')]
    return parts.length === 1 && t && p && t.counts === p.counts && t.people === p.people
      ? [[t.id, p.id]]
      : []
  })
  const root = unionFind(
    cells.map((c) => c.id),
    [...links, ...sameAs].map((l) => l.filter((id) => byId.has(id))),
  )
  const nodes = new Map<string, Node>()
  for (const c of cells) {
    const r = root(c.id)
    const n = nodes.get(r)
    if (n) n.protected ||= c.protected ?? false
    else {
      const first = byId.get(r)!
      nodes.set(r, {
        id: r,
        counts: first.counts,
        people: first.people,
        protected: first.protected ?? false,
        state: 'shown',
        small: false,
        constraints: [],
      })
    }
  }
  const node = (id: string) => nodes.get(root(id))
  const relations: NodeConstraint[] = []
  for (const c of constraints) {
    const total = node(c.total)
    if (!total) continue
    const parts = [
      ...new Set(
        c.parts
          .filter(nonZero)
          .map(node)
          .filter((p): p is Node => !!p),
      ),
    ]
    if (parts.includes(total) || parts.length === 0) continue
    const rel = { members: [total, ...parts], total, parts }
    relations.push(rel)
    for (const m of rel.members) m.constraints.push(rel)
  }

  for (const n of nodes.values())
    if (isSmall(n.people, opts.minCell)) {
      n.state = 'withheld'
      n.small = true
    }

  const uncertain = (n: Node) => n.state !== 'shown'
  const unknowns = (r: NodeConstraint) => r.members.filter(uncertain).length
  const rounds = (n: Node) => n.protected || n.people >= large
  const roundable = (n: Node) => roundValue(n.people, base) >= opts.minCell
  const baseCost = (n: Node) => (rounds(n) && roundable(n) ? large * (n.protected ? 2 : 1) : n.people)
  const eligible = (n: Node) => n.state === 'shown' && n.counts > 0
  // The cheapest complement relation r would need if `except` were its only uncertain member.
  const need = (r: NodeConstraint, except: Node) =>
    Math.min(large * 2, ...r.members.filter((m) => m !== except && eligible(m)).map(baseCost))
  const cost = (n: Node, from: NodeConstraint) =>
    baseCost(n) +
    n.constraints.reduce((a, r) => {
      if (r === from) return a
      const u = unknowns(r)
      return a + (u === 0 ? need(r, n) : u === 1 ? -need(r, n) : 0)
    }, 0)
  // How a complement is chosen in a relation; every strategy is run and the one withholding the fewest
  // people wins, so the greedy lookahead never does worse than the simple rules.
  const STRATEGIES: Record<string, (n: Node, r: NodeConstraint) => number> = {
    lookahead: cost,
    'smallest part': (n, r) => baseCost(n) + (n === r.total ? large * 4 : 0),
    'total first': (n, r) => baseCost(n) + (n === r.total ? -large * 4 : 0),
    // one large part rounded often spares several small ones
    'largest part': (n, r) => -n.counts + (n === r.total ? Number.MAX_SAFE_INTEGER / 2 : 0),
  }
  let strategy = STRATEGIES.lookahead!
  // Statewide (protected) figures are the last resort under every strategy.
  const pick = (r: NodeConstraint): Node | undefined =>
    r.members
      .filter(eligible)
      .map((n) => ({ n, cost: strategy(n, r) + (n.protected ? Number.MAX_SAFE_INTEGER / 4 : 0) }))
      // On a tie, the member standing for fewer published cells: hiding it hides fewer numbers.
      .sort(
        (a, b) =>
          a.cost - b.cost ||
          members.get(a.n)! - members.get(b.n)! ||
          a.n.people - b.n.people ||
          (a.n.id < b.n.id ? -1 : 1),
      )[0]?.n
  const hide = (n: Node) => (n.state = rounds(n) && roundable(n) ? 'rounded' : 'withheld')

  const close = () => {
    for (let changed = true; changed;) {
      changed = false
      for (const r of relations) {
        if (unknowns(r) !== 1) continue
        const n = pick(r)
        if (!n) continue // every other member is a known zero: nothing left to hide (cannot happen for a consistent table)
        hide(n)
        changed = true
      }
    }
  }

  // Only relations that hold exactly can be solved; near-additive ones (people across counties, where one
  // person may count in two) still get complements above, but an exact audit of them would be meaningless.
  const nodeConstraints = relations
    .filter((r) => r.parts.reduce((a, p) => a + p.counts, 0) === r.total.counts)
    .map((r) => ({ total: r.total.id, parts: r.parts.map((p) => p.id) }))
  // The audit runs for every candidate table: the cells and relations are indexed once (boundsAuditor).
  const nodeList = [...nodes.values()]
  const propagate = boundsAuditor(
    nodeList.map((n) => n.id),
    nodeConstraints,
  )
  const lo = new Float64Array(nodeList.length)
  const hi = new Float64Array(nodeList.length)
  /** The small cells a reader can pin to one value, given what is shown, rounded and withheld now. */
  const pinnedNow = (): Node[] => {
    nodeList.forEach((n, i) => {
      const [l, h] =
        n.state === 'shown'
          ? [n.counts, n.counts]
          : n.state === 'rounded'
            ? roundedRange(roundValue(n.counts, base), base)
            : [0, Infinity]
      lo[i] = l
      hi[i] = h
    })
    propagate(lo, hi)
    return nodeList.filter((n, i) => n.small && lo[i]! >= hi[i]!)
  }
  const pinnedAny = () => pinnedNow().length > 0
  const members = new Map<Node, number>()
  for (const c of cells) members.set(node(c.id)!, (members.get(node(c.id)!) ?? 0) + 1)
  // What a result costs, as the choices were priced: people in withheld complements (each published cell
  // counted), LARGE_CELL per rounded cell.
  const score = () =>
    [...nodes.values()].reduce(
      (a, n) =>
        a +
        (n.state === 'withheld' && !n.small ? n.people * members.get(n)! : 0) +
        (n.state === 'rounded' ? large * members.get(n)! : 0),
      0,
    )
  let best: { score: number; states: Node['state'][] } | undefined
  for (const name of Object.keys(STRATEGIES)) {
    strategy = STRATEGIES[name]!
    for (const n of nodes.values()) n.state = n.small ? 'withheld' : 'shown'
    run()
    const sc = score()
    if (!best || sc < best.score) best = { score: sc, states: [...nodes.values()].map((n) => n.state) }
  }
  ;[...nodes.values()].forEach((n, i) => (n.state = best!.states[i]!))

  function run() {
    for (let guard = 0; guard <= nodes.size; guard++) {
      close()
      const pinned = pinnedNow()
      if (!pinned.length) break
      let repaired = false
      for (const s of pinned) {
        const r = [...s.constraints].sort((a, b) => unknowns(a) - unknowns(b))
        const n = r.map(pick).find((x) => x)
        if (n) {
          hide(n)
          repaired = true
          break
        }
      }
      if (!repaired) break
    }

    // 4. Prune: a complement that the others make unnecessary is shown again (largest first), so greedy
    // choices made early do not stay withheld once later ones cover them.
    const complements = [...nodes.values()]
      .filter((n) => n.state !== 'shown' && !n.small)
      .sort((a, b) => b.people - a.people || (a.id < b.id ? -1 : 1))
    for (const n of complements) {
      const was = n.state
      n.state = 'shown'
      if (n.constraints.some((r) => unknowns(r) === 1) || pinnedAny()) n.state = was
    }
  }

  const out = new Map<string, Decision>()
  for (const c of cells) {
    const n = node(c.id)!
    if (n.state === 'withheld') out.set(c.id, { kind: 'withheld', reason: n.small ? 'small' : 'complement' })
    else if (n.state === 'rounded') {
      const counts = roundValue(n.counts, base)
      out.set(c.id, {
        kind: 'rounded',
        counts,
        people: roundValue(n.people, base),
        range: roundedRange(counts, base),
      })
    }
  }
  return out
}

function unionFind(ids: readonly string[], links: readonly (readonly string[])[]): (id: string) => string {
  const parent = new Map(ids.map((id) => [id, id]))
  const find = (id: string): string => {
    const p = parent.get(id) ?? id
    if (p === id) return id
    const r = find(p)
    parent.set(id, r)
    return r
  }
  for (const l of links)
    for (let i = 1; i < l.length; i++) {
      const [a, b] = [find(l[0]!), find(l[i]!)]
      if (a !== b) parent.set(a > b ? a : b, a > b ? b : a)
    }
  return find
}
