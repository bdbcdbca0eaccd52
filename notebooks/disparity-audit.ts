/**
 * Disparity audit: who gets relief by race and ethnicity, under the statute alone and with a DA policy
 * (los-angeles-2020 unless --policy says otherwise). One run carries both layers (statute_determination
 * and determination), so the two are compared on the same convictions.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { openDb } from '../pipelines/lib/duckdb.ts'
import { runPipeline } from '../pipelines/run/run-pipeline.ts'
import { MIN_CELL } from '../reports/suppression/min-cell.ts'
import { publishMarts } from '../pipelines/outputs/publish-marts.ts'
import { disparityRows, type DisparityRow } from '../reports/report/disparity.ts'
import { num, txt } from '../reports/report/html.ts'
import { rowsOf } from '../reports/charts/rows.ts'
import { DIMENSIONS, fmtInt, fmtPct, fmtRatio } from '../reports/charts/labels.ts'
import type {
  DemographicsRow,
  LayerRow,
  PopulationRow,
} from '../data-contracts/outputs/public-marts.contract.ts'
import { groupShares } from '../reports/charts/group-shares.ts'
import { groupRatios } from '../reports/charts/group-ratios.ts'
import { layerCompare } from '../reports/charts/layer-compare.ts'
import type { Notebook } from './notebook.ts'

const race = DIMENSIONS.race_group

export const disparityAudit: Notebook = {
  name: 'disparity-audit',
  title: 'Disparity audit: race and ethnicity, statute alone vs with a DA policy',
  question:
    'Do the people granted relief mirror the adult population, and the people convicted? Does a District Attorney policy narrow or widen the gaps the statute leaves?',
  async run(ctx, doc) {
    const policy = ctx.options.policy ?? 'los-angeles-2020'
    const work = mkdtempSync(join(tmpdir(), 'relief-nb-audit-'))
    try {
      const run = await runPipeline({
        inputs: [ctx.input],
        out: work,
        asOf: ctx.asOf,
        policy: [policy],
        quiet: true,
        determinationsOnly: true,
      })
      const db = await openDb(join(work, 'relief.duckdb'))
      try {
        const marts = await publishMarts(db, MIN_CELL)
        const layer = rowsOf<LayerRow>(marts.get('mart_relief_by_layer')!.table).filter(
          (r) => r.charge_kind === 'prop64',
        )
        const pop = rowsOf<PopulationRow>(marts.get('mart_relief_population')!.table)
        const asDemo = (l: 'statute' | 'final') =>
          layer.filter((r) => r.layer === l) as unknown as DemographicsRow[]
        const statute = disparityRows(asDemo('statute'), 'race_group', pop)
        const final = disparityRows(asDemo('final'), 'race_group', pop)
        const chartCtx = {
          source: `record-relief run ${run.runId} (as of ${ctx.asOf}, policy ${policy}); population 2020 Census; cells under ${MIN_CELL} people withheld`,
          minCell: MIN_CELL,
        }
        const synthetic = /synthetic/i.test(basename(ctx.input))

        doc.h('The data')
        doc.p(
          `${fmtInt(run.manifest.counts.in_scope_counts)} Prop 64 convictions of ${fmtInt(run.manifest.counts.subjects)} people in ${basename(ctx.input)}, decided as of ${ctx.asOf} under the statute and under the policy "${policy}".${synthetic ? ' The extract is synthetic: its race shares and disparities are parameters of the generator, not findings about California.' : ''}`,
        )
        doc.p(
          'Race and ethnicity come from the single DOJ race letter, mapped to the five Census groups. DOJ records many Hispanic people as white, so Hispanic figures are lower bounds and every ratio against white people is understated.',
        )

        doc.h('Step 1: who is convicted, who is granted relief, who lives here (statute alone)')
        doc.chart({ ...groupShares(statute, 'race_group', chartCtx), name: 'shares-statute' }, chartCtx)
        doc.p(sentence(statute, 'the statute alone'))

        doc.h('Step 2: three ratios')
        doc.list([
          'Share of relief ÷ share of adult population: how far the relief falls on a group relative to its size. Above 1 mirrors the over-enforcement of the old law.',
          'Relief per 100,000 adults ÷ the rate for non-Hispanic white adults: the same comparison as a rate ratio.',
          "Share of relief ÷ share of people in scope: whether the statute grants relief evenly among people with a record. Below 1 means the group's convicted people get relief less often than average (priors and review rules can fall unevenly).",
        ])
        doc.chart(
          {
            ...groupRatios(statute, 'race_group', chartCtx),
            name: 'ratios-statute',
            title: 'Disparity ratios by race and ethnicity: statute alone',
          },
          chartCtx,
        )
        doc.chart(
          {
            ...groupRatios(final, 'race_group', chartCtx),
            name: 'ratios-policy',
            title: `Disparity ratios by race and ethnicity: with policy ${policy}`,
          },
          chartCtx,
        )

        doc.h(`Step 3: what the policy "${policy}" changes`)
        doc.chart(layerCompare(marts.get('mart_relief_by_layer')!.table, policy, chartCtx), chartCtx)
        doc.table({
          head: [
            'Group',
            'Share of adults',
            'Share of relief: statute',
            'Share of relief: policy',
            'Relief rate: statute',
            'Relief rate: policy',
            'Share of dismissals: statute',
            'Share of dismissals: policy',
          ],
          rows: statute.map((s) => {
            const f = final.find((x) => x.group === s.group)!
            const dismiss = dismissShare(layer, s.group, 'final')
            return [
              txt(race.label(s.group)),
              s.group === 'unknown' ? txt('n/a') : num(s.share_population, (x) => fmtPct(x)),
              num(s.share_relief, (x) => fmtPct(x)),
              num(f.share_relief, (x) => fmtPct(x)),
              num(s.relief_rate, (x) => fmtPct(x)),
              num(f.relief_rate, (x) => fmtPct(x)),
              num(dismissShare(layer, s.group, 'statute'), (x) => fmtPct(x)),
              num(dismiss, (x) => fmtPct(x)),
            ]
          }),
        })
        doc.p(sentence(final, `the policy ${policy}`))
        doc.p(
          'A policy that dismisses by age (under 21, or 50 and over) or by years without a conviction reaches groups in proportion to how old they were when convicted and how their records continued, so the dismissal shares can differ from the relief shares even when total relief barely moves.',
        )
        doc.p(
          '(s) = withheld: the number describes fewer than the threshold of people, or would let one be worked out.',
        )
      } finally {
        db.close()
      }
    } finally {
      rmSync(work, { recursive: true, force: true })
    }
  },
}

function dismissShare(layer: LayerRow[], group: string, which: 'statute' | 'final'): number | null {
  const at = (g: string) =>
    layer.find(
      (r) =>
        r.layer === which &&
        r.race_group === g &&
        r.gender === 'all' &&
        r.age_band === 'all' &&
        r.outcome === 'dismiss',
    )
  const g = at(group)
  const t = at('all')
  if (!t || t.counts == null || t.counts === 0) return null
  if (!g) return 0
  return g.counts == null ? null : g.counts / t.counts
}

/** One sentence from the numbers: the largest share-of-relief ÷ share-of-population ratio and the spread of relief rates. */
function sentence(rows: DisparityRow[], label: string): string {
  const known = rows.filter((r) => r.ratio_to_population != null)
  if (known.length === 0) return `Under ${label}, too few people per group are published to compare groups.`
  const top = [...known].sort((a, b) => b.ratio_to_population! - a.ratio_to_population!)[0]!
  const rates = rows.filter((r) => r.relief_rate != null && r.group !== 'unknown')
  const lo = [...rates].sort((a, b) => a.relief_rate! - b.relief_rate!)[0]
  const hi = [...rates].sort((a, b) => b.relief_rate! - a.relief_rate!)[0]
  return (
    `Under ${label}, ${race.label(top.group)} people are ${fmtPct(top.share_relief)} of those granted relief against ${fmtPct(top.share_population)} of adults (ratio ${fmtRatio(top.ratio_to_population)}; rate ratio to white ${fmtRatio(top.rate_ratio_to_reference)}).` +
    (lo && hi
      ? ` Among people with a conviction, relief rates run from ${fmtPct(lo.relief_rate)} (${race.label(lo.group)}) to ${fmtPct(hi.relief_rate)} (${race.label(hi.group)}).`
      : '')
  )
}
