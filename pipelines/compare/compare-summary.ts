/**
 * compare.md: totals per scenario, then where the scenarios differ most — by county and by race group — in
 * dismissed Prop 64 convictions. Related-charge rows are counted apart (they are not Prop 64 counts).
 */
import { escapeMarkdown } from '../../reports/summary/markdown-escape.ts'
import type { Db } from '../lib/duckdb.ts'
import { COMPARE_TABLE } from './compare-table.ts'

export interface ScenarioInfo {
  name: string
  file: string | null
  sha256: string | null
  chain: string[]
  seconds: number
}

export interface SummaryContext {
  inputs: string[]
  asOf: string
  county: string | null
  rowsLoaded: number
  ingestSeconds: number
  scenarios: ScenarioInfo[]
}

const fmt = (n: number) => n.toLocaleString('en-US')
const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : '–')
const signed = (n: number) => `${n >= 0 ? '+' : '−'}${fmt(Math.abs(n))}`

function table(head: string[], rows: (string | number)[][]): string[] {
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
    ...rows.map(
      (r) => `| ${r.map((c) => (typeof c === 'number' ? fmt(c) : escapeMarkdown(c))).join(' | ')} |`,
    ),
  ]
}

export async function compareSummary(db: Db, ctx: SummaryContext): Promise<string> {
  const names = ctx.scenarios.map((s) => s.name)
  const totals = await db.rows<{ scenario: string; determination: string; n: number; people: number }>(
    `select scenario, determination, sum(convictions)::int n, 0 people
     from ${COMPARE_TABLE} where charge_kind = 'prop64' group by all`,
  )
  const extra = await db.rows<{ scenario: string; policy_rows: number; related_dismissed: number }>(
    `select scenario,
       (sum(convictions) filter (where layer = 'policy' and charge_kind = 'prop64'))::int policy_rows,
       coalesce(sum(convictions) filter (where charge_kind = 'related' and determination = 'dismiss'), 0)::int
         related_dismissed
     from ${COMPARE_TABLE} group by all`,
  )
  const t = (s: string, d: string) => totals.find((r) => r.scenario === s && r.determination === d)?.n ?? 0
  const x = (s: string) => extra.find((r) => r.scenario === s)
  const all = (s: string) => ['dismiss', 'reduce', 'not_eligible', 'review'].reduce((a, d) => a + t(s, d), 0)

  const lines = [
    '# Policy comparison',
    '',
    `Input: ${ctx.inputs.join(', ')} (${fmt(ctx.rowsLoaded)} rows loaded once); as of ${ctx.asOf}` +
      `${ctx.county ? `; county ${ctx.county}` : ''}.`,
    `One ingest and statute layer: ${ctx.ingestSeconds.toFixed(1)} s; then per scenario only the policy layer: ` +
      ctx.scenarios.map((s) => `${s.name} ${s.seconds.toFixed(1)} s`).join(', ') +
      '.',
    '',
    '## Totals by scenario (Prop 64 convictions)',
    '',
    ...table(
      [
        'scenario',
        'dismiss',
        'reduce',
        'not_eligible',
        'review',
        'changed by policy',
        'related charges dismissed',
      ],
      names.map((s) => [
        s,
        t(s, 'dismiss'),
        t(s, 'reduce'),
        t(s, 'not_eligible'),
        t(s, 'review'),
        x(s)?.policy_rows ?? 0,
        x(s)?.related_dismissed ?? 0,
      ]),
    ),
    '',
    `"Changed by policy" counts rows whose final determination differs from the statute's (layer = policy).`,
    '',
  ]

  const byCounty = await db.rows<{ county: string; scenario: string; n: number; total: number }>(
    `select county, scenario, (sum(convictions) filter (where determination = 'dismiss'))::int n,
       sum(convictions)::int total
     from ${COMPARE_TABLE} where charge_kind = 'prop64' group by all`,
  )
  const counties = [...new Set(byCounty.map((r) => r.county))]
  const cn = (c: string, s: string) => byCounty.find((r) => r.county === c && r.scenario === s)?.n ?? 0
  const spread = (vals: number[]) => Math.max(...vals) - Math.min(...vals)
  const topCounties = counties
    .map((c) => ({ c, vals: names.map((s) => cn(c, s)) }))
    .sort((a, b) => spread(b.vals) - spread(a.vals) || a.c.localeCompare(b.c))
    .slice(0, 10)
  lines.push(
    '## Largest differences by county (dismissed Prop 64 convictions)',
    '',
    ...table(
      ['county', ...names, 'spread'],
      topCounties.map(({ c, vals }) => [c, ...vals, spread(vals)]),
    ),
    '',
  )
  const top = topCounties[0]
  if (top && spread(top.vals) > 0) {
    const lo = top.vals.indexOf(Math.min(...top.vals))
    const hi = top.vals.indexOf(Math.max(...top.vals))
    lines.push(
      `Largest: ${top.c}, ${fmt(top.vals[lo]!)} dismissed under ${names[lo]} against ${fmt(top.vals[hi]!)} under ` +
        `${names[hi]} (${signed(top.vals[hi]! - top.vals[lo]!)}).`,
      '',
    )
  }

  const byRace = await db.rows<{ race_group: string; scenario: string; n: number; total: number }>(
    `select race_group, scenario, (coalesce(sum(convictions) filter (where determination = 'dismiss'), 0))::int n,
       sum(convictions)::int total
     from ${COMPARE_TABLE} where charge_kind = 'prop64' group by all order by race_group`,
  )
  const races = [...new Set(byRace.map((r) => r.race_group))]
  const rr = (g: string, s: string) => byRace.find((r) => r.race_group === g && r.scenario === s)
  const share = (g: string, s: string) => {
    const r = rr(g, s)
    return r?.total ? (100 * r.n) / r.total : 0
  }
  const known = races.filter((g) => g !== 'unknown')
  const gaps = names.map((s) => {
    const sorted = [...known].sort((a, b) => share(b, s) - share(a, s))
    const hi = sorted[0]
    const lo = sorted[sorted.length - 1]
    return hi && lo
      ? `${s} ${(share(hi, s) - share(lo, s)).toFixed(1)} pts (${hi} ${pct(rr(hi, s)?.n ?? 0, rr(hi, s)?.total ?? 0)}, ${lo} ${pct(rr(lo, s)?.n ?? 0, rr(lo, s)?.total ?? 0)})`
      : `${s} –`
  })
  lines.push(
    '## Differences by race group (dismissed Prop 64 convictions, and the share of the group’s convictions)',
    '',
    ...table(
      ['race group', 'convictions', ...names, 'spread'],
      races.map((g) => {
        const shares = names.map((s) => share(g, s))
        return [
          g,
          rr(g, names[0]!)?.total ?? 0,
          ...names.map((s) => `${fmt(rr(g, s)?.n ?? 0)} (${pct(rr(g, s)?.n ?? 0, rr(g, s)?.total ?? 0)})`),
          `${(Math.max(...shares) - Math.min(...shares)).toFixed(1)} pts`,
        ]
      }),
    ),
    '',
    ...(known.length > 1
      ? [
          `Gap between the race groups with the highest and lowest dismissed share, per scenario: ${gaps.join('; ')}.`,
          '',
        ]
      : []),
    'Race groups come from the DOJ race code (ref_race_codes); DOJ codes undercount Hispanic people.',
    '',
    '## Scenarios',
    '',
    ...ctx.scenarios.map(
      (s) =>
        `- **${s.name}**: ${s.file ?? 'built-in'}${s.sha256 ? ` (sha256 ${s.sha256.slice(0, 12)})` : ''}` +
        `${s.chain.length > 1 ? `, extends ${s.chain.slice(1).join(' → ')}` : ''}; ${fmt(all(s.name))} Prop 64 convictions.`,
    ),
    '',
  )
  return lines.join('\n')
}
