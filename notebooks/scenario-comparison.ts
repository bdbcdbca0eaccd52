/**
 * Scenario comparison: "What if every county followed each preset?" The whole extract is decided once per
 * DA policy preset (relief compare: one ingest, the policy layer per scenario), then totals, race groups and
 * the largest counties are set side by side. Every figure goes through the public suppression.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDb } from '../pipelines/lib/duckdb.ts'
import { comparePolicies } from '../pipelines/compare/compare.ts'
import { presetNames } from '../pipelines/policy/presets.ts'
import { MIN_CELL } from '../reports/suppression/min-cell.ts'
import { COMPARE_MART } from '../reports/report/public-marts.ts'
import { COMPARE_BOUND_SQL, publishMarts } from '../pipelines/outputs/publish-marts.ts'
import { num, txt } from '../reports/report/html.ts'
import { rowsOf } from '../reports/charts/rows.ts'
import { DIMENSIONS, countyName, fmtInt, fmtPct } from '../reports/charts/labels.ts'
import type { ScenarioRow } from '../data-contracts/outputs/public-marts.contract.ts'
import { scenarioTotals } from '../reports/charts/scenario-totals.ts'
import { scenarioCompare } from '../reports/charts/scenario-compare.ts'
import type { Notebook } from './notebook.ts'

/** Dismissals per scenario in the ten counties with the most Prop 64 convictions (a cell under the bound is withheld). */
const TOP_COUNTIES_SQL = `
with c as (select * from report_compare where charge_kind = 'prop64'),
top as (
  select county from c where scenario = (select min(scenario) from c) group by county
  order by sum(convictions) desc, county limit 10
)
select scenario, county,
  sum(convictions) filter (where determination = 'dismiss')::int as dismissed,
  sum(convictions)::int as convictions,
  greatest(max(people) filter (where determination = 'dismiss'),
    ceil(sum(convictions) filter (where determination = 'dismiss')
      / nullif((select max_per_person from report_compare_bound), 0)))::int as people_at_least
from c where county in (select county from top)
group by all order by county, scenario`

export const scenarioComparison: Notebook = {
  name: 'scenario-comparison',
  title: 'What if every county followed each preset?',
  question:
    'If the whole extract were decided under each District Attorney policy preset in turn, how many convictions would be dismissed, reduced, left for review or refused, for whom, and where?',
  async run(ctx, doc) {
    const presets = ctx.options.presets?.split(',') ?? [
      'statute',
      ...presetNames().filter((p) => p !== 'statute'),
    ]
    // Run folders hold names and dates of birth: they stay in a temporary folder, only aggregates come out.
    const work = mkdtempSync(join(tmpdir(), 'relief-nb-compare-'))
    try {
      const dbPath = join(work, 'compare.duckdb')
      const r = await comparePolicies({
        inputs: [ctx.input],
        out: work,
        policy: presets,
        asOf: ctx.asOf,
        db: dbPath,
        quiet: true,
      })
      const db = await openDb(dbPath)
      try {
        await db.run(`create temp table report_compare as select * from compare_counts`)
        await db.run(COMPARE_BOUND_SQL)
        const table = (await publishMarts(db, MIN_CELL, undefined, [COMPARE_MART])).get(
          COMPARE_MART.name,
        )!.table
        const rows = rowsOf<ScenarioRow>(table)
        const chartCtx = {
          source: `relief compare of ${presets.length} presets, as of ${ctx.asOf}; cells under ${MIN_CELL} people withheld`,
          minCell: MIN_CELL,
        }
        const cellOf = (s: string, o: string) =>
          rows.find((x) => x.scenario === s && x.race_group === 'all' && x.outcome === o)
        const total = (s: string, o: string) => cellOf(s, o)?.counts ?? null
        // ≈: rounded to the nearest 10 so that a withheld neighbour cannot be worked out.
        const fmtTotal = (s: string, o: string) => (x: number) =>
          `${cellOf(s, o)?.rounded ? '≈' : ''}${fmtInt(x)}`
        const statuteDismiss = total('statute', 'dismiss')
        const best = [...presets].sort((a, b) => (total(b, 'dismiss') ?? 0) - (total(a, 'dismiss') ?? 0))[0]!

        doc.h('How this was computed')
        doc.p(
          `The extract was read once and the statute layer decided once; then each preset's policy layer was applied to every county (${r.scenarios
            .map((s) => `${s.name} ${s.seconds.toFixed(1)} s`)
            .join(
              ', ',
            )}). Only Prop 64 convictions are counted; related charges a policy reaches are left out. A figure describing fewer than ${MIN_CELL} people is withheld.`,
        )
        doc.code(
          `npx relief compare --input ${ctx.input} ${presets.map((p) => `--policy ${p}`).join(' ')} --out DIR --as-of ${ctx.asOf}`,
        )

        doc.h('Statewide: what each preset decides')
        doc.chart(scenarioTotals(table, chartCtx), chartCtx)
        doc.table({
          head: [
            'Scenario',
            'Dismiss',
            'Reduce',
            'Review',
            'Not eligible',
            'Granted relief',
            'Dismissed vs statute',
          ],
          rows: presets.map((s) => [
            txt(s),
            ...['dismiss', 'reduce', 'review', 'not_eligible', 'relief'].map((o) =>
              num(total(s, o), fmtTotal(s, o)),
            ),
            num(
              total(s, 'dismiss') != null && statuteDismiss ? total(s, 'dismiss')! / statuteDismiss : null,
              (x) => `${x.toFixed(1)}×`,
            ),
          ]),
        })
        doc.p(
          `Under the statute alone ${fmtInt(statuteDismiss)} convictions are dismissed and ${fmtInt(total('statute', 'reduce'))} reduced: the law mostly turns old felonies into misdemeanors. ${best} dismisses the most (${fmtInt(total(best, 'dismiss'))}). The total granted relief hardly moves between presets, because a policy mostly upgrades a reduction to a dismissal; what changes is whether a record is cleared or only lightened.`,
        )

        doc.h('By race and ethnicity')
        doc.chart(scenarioCompare(table, chartCtx), chartCtx)
        const groups = [...new Set(rows.map((x) => x.race_group))].filter((g) => g !== 'all')
        const share = (s: string, g: string) => {
          const d = rows.find((x) => x.scenario === s && x.race_group === g && x.outcome === 'dismiss')
          const t = total(s, 'dismiss')
          return d?.counts != null && t ? d.counts / t : null
        }
        doc.table({
          head: ['Group', ...presets.map((s) => `Share of dismissals: ${s}`)],
          rows: groups.map((g) => [
            txt(DIMENSIONS.race_group.label(g)),
            ...presets.map((s) => num(share(s, g), (x) => fmtPct(x))),
          ]),
        })
        doc.p(
          "Presets that dismiss by age or by time since conviction reach groups unevenly when those groups differ in age at conviction or in later records; the shares above show who a preset's dismissals go to. DOJ under-counts Hispanic people (many are recorded as white), so the Hispanic share is a lower bound.",
        )

        doc.h('The ten counties with the most Prop 64 convictions')
        const top = await db.rows<{
          scenario: string
          county: string
          dismissed: number | null
          convictions: number
          people_at_least: number | null
        }>(TOP_COUNTIES_SQL)
        const counties = [...new Set(top.map((t) => t.county))]
        const cell = (s: string, c: string) => {
          const t = top.find((x) => x.scenario === s && x.county === c)
          return !t || t.dismissed == null
            ? num(0, fmtInt)
            : num(t.dismissed, fmtInt, (t.people_at_least ?? 0) < MIN_CELL && t.dismissed > 0)
        }
        doc.table({
          head: ['County', ...presets.map((s) => `Dismissed: ${s}`)],
          rows: counties.map((c) => [txt(countyName(c)), ...presets.map((s) => cell(s, c))]),
        })
        doc.p(
          '(s) = withheld: fewer than the threshold of people could be behind the number. ≈ = rounded to the nearest 10, so that a withheld number beside it cannot be worked out; statewide figures are rounded, never withheld, for that.',
        )
      } finally {
        db.close()
      }
    } finally {
      rmSync(work, { recursive: true, force: true })
    }
  },
}
