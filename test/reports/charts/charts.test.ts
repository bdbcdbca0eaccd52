import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as vega from 'vega'
import * as vl from 'vega-lite'
import { tableFromArrays, type Table } from 'apache-arrow'
import type { Db } from '../../../pipelines/lib/duckdb.ts'
import { COMPARE_MART, PUBLIC_MARTS } from '../../../reports/report/public-marts.ts'
import { COMPARE_BOUND_SQL, publishMarts } from '../../../pipelines/outputs/publish-marts.ts'
import { renderChart } from '../../../reports/report/render-chart.ts'
import { californiaCounties } from '../../../reports/report/county-geometry.ts'
import { disparityRows } from '../../../reports/report/disparity.ts'
import { rowsOf } from '../../../reports/charts/rows.ts'
import type { ChartContext, ChartDef } from '../../../reports/charts/chart.ts'
import type { DemographicsRow, PopulationRow } from '../../../data-contracts/outputs/public-marts.contract.ts'
import { DETERMINATION_COLOR, DETERMINATION_ORDER } from '../../../reports/charts/palette.ts'
import { countyMap, quantileCuts } from '../../../reports/charts/county-map.ts'
import { countyRanked } from '../../../reports/charts/county-ranked.ts'
import { yearStacked } from '../../../reports/charts/year-stacked.ts'
import { offenseBars } from '../../../reports/charts/offense-bars.ts'
import { groupCounts } from '../../../reports/charts/group-counts.ts'
import { groupShares } from '../../../reports/charts/group-shares.ts'
import { groupRatios } from '../../../reports/charts/group-ratios.ts'
import { layerCompare } from '../../../reports/charts/layer-compare.ts'
import { reviewReasons } from '../../../reports/charts/review-reasons.ts'
import { scenarioCompare } from '../../../reports/charts/scenario-compare.ts'
import { martDb, type CountFixture } from '../report/mart-db.ts'

const ctx: ChartContext = { source: 'test run abc, as of 2026-01-01', minCell: 3 }
const COUNTIES = ['LOS ANGELES', 'SAN DIEGO', 'YOLO', 'ALPINE', 'SHASTA']
const RACES = ['W', 'B', 'H', 'A', 'O']
const DETS = ['dismiss', 'reduce', 'reduce', 'review', 'not_eligible']
const FIXTURE: CountFixture[] = Array.from({ length: 400 }, (_, i) => ({
  subject_id: `S${Math.floor(i / 2)}`,
  county: COUNTIES[i % COUNTIES.length]!,
  conviction_year: 1980 + (i % 37),
  code_section: ['HS 11357', 'HS 11358', 'HS 11359', 'HS 11360(A)'][i % 4]!,
  conviction_level: i % 3 ? 'felony' : 'misdemeanor',
  race_code: RACES[Math.floor(i / 2) % RACES.length]!,
  gender: Math.floor(i / 2) % 4 ? 'M' : 'F',
  age_at_conviction: 17 + (i % 45),
  statute_determination: DETS[i % DETS.length]!,
  determination: i % 5 === 1 ? 'dismiss' : DETS[i % DETS.length]!,
  rule_id: i % 5 === 3 ? `P64-REVIEW-${i % 3}` : undefined,
}))

let db: Db
const tables = new Map<string, Table>()
beforeAll(async () => {
  db = await martDb(FIXTURE, { policy: 'test-policy' })
  await db.run(`create temp table report_compare as
    select s.scenario, 'prop64' as charge_kind, race_group,
      case when s.scenario = 'statute' then statute_determination else determination end as determination,
      count(*) as convictions, count(distinct subject_id) as people
    from count_determinations, (values ('statute'), ('test-policy')) s(scenario) group by all`)
  await db.run(COMPARE_BOUND_SQL)
  for (const m of (await publishMarts(db, ctx.minCell, undefined, [...PUBLIC_MARTS, COMPARE_MART])).values())
    tables.set(m.name, m.table)
})
afterAll(() => db.close())

function allCharts(): ChartDef[] {
  const demo = rowsOf<DemographicsRow>(tables.get('mart_relief_by_demographics')!)
  const pop = rowsOf<PopulationRow>(tables.get('mart_relief_population')!)
  const dims = ['race_group', 'gender', 'age_band'] as const
  return [
    countyMap(californiaCounties(), tables.get('mart_relief_by_county')!, ctx),
    countyRanked(tables.get('mart_relief_by_county')!, ctx),
    yearStacked(tables.get('mart_relief_by_year')!, ctx),
    offenseBars(tables.get('mart_relief_by_offense')!, ctx),
    ...dims.flatMap((d) => [
      groupCounts(tables.get('mart_relief_by_demographics')!, d, ctx),
      groupShares(disparityRows(demo, d, pop), d, ctx),
      groupRatios(disparityRows(demo, d, pop), d, ctx),
    ]),
    layerCompare(tables.get('mart_relief_by_layer')!, 'test-policy', ctx),
    reviewReasons(tables.get('mart_data_quality')!, ctx),
    scenarioCompare(tables.get(COMPARE_MART.name)!, ctx),
  ]
}

const DATA_MARKS = /aria-label="(bar|geo|dot)"[^>]*>(<[^>]+>)*?<(rect|path|circle)\b/

describe('charts', () => {
  it('every chart draws data marks with a title, axis labels with units and the source line', () => {
    const defs = allCharts()
    expect(new Set(defs.map((d) => d.name)).size).toBe(defs.length)
    for (const def of defs) {
      expect(def.empty, def.name).toBeFalsy()
      const { svg, png } = renderChart(def, ctx)
      expect(svg, def.name).toMatch(DATA_MARKS)
      expect(svg).toContain(`>${def.title.split(' ')[0]}`)
      expect(svg).toContain('Source: test run abc')
      if (def.name !== 'county-map') expect(svg, def.name).toMatch(/\((count|%)\)|Ratio \(1 = parity\)/)
      expect(png.subarray(1, 4).toString()).toBe('PNG')
    }
  })

  it('renders the same bytes twice (no random ids)', () => {
    const [a, b] = [allCharts(), allCharts()]
    a.forEach((def, i) => expect(renderChart(def, ctx).svg).toBe(renderChart(b[i]!, ctx).svg))
  })

  it('each Vega-Lite spec carries its data inline, compiles, and renders marks in Vega', async () => {
    for (const def of allCharts()) {
      const json = JSON.stringify(def.vegaLite)
      expect(json).not.toMatch(/"url"\s*:/)
      const spec = vl.compile(JSON.parse(json)).spec
      const view = new vega.View(vega.parse(spec), { renderer: 'none' })
      const svg = await view.toSVG()
      view.finalize()
      expect(svg, def.name).toMatch(/<path|<rect/)
      expect(svg, def.name).toContain(def.title.slice(0, 20))
    }
  })

  it('says so instead of drawing when every cell is withheld', () => {
    const def = yearStacked(tables.get('mart_relief_by_year')!, { ...ctx, minCell: 1 })
    const empty = { ...def, empty: true }
    expect(renderChart(empty, ctx).svg).toContain('Nothing to draw')
  })
})

describe('county map classes', () => {
  const mapOf = (rates: number[]) => {
    const counties = californiaCounties().slice(0, rates.length)
    const n = rates.length
    const table = tableFromArrays({
      county: counties.map((f) => f.properties.name.toUpperCase()),
      fips: counties.map((f) => f.id),
      outcome: Array(n).fill('relief'),
      counts: rates.map((r) => r * 10),
      counts_per_100k: Float64Array.from(rates),
      suppressed: Array(n).fill(false),
    })
    return countyMap(counties, table, ctx)
  }
  it('uses five quantile classes when their cut points differ', () => {
    quantileCuts([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5).forEach((c, i) =>
      expect(c).toBeCloseTo([2.8, 4.6, 6.4, 8.2][i]!, 9),
    )
    expect(mapOf([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]).subtitle).toMatch(/equal numbers of counties/)
  })
  it('falls back to equal widths when many counties share a value (zero must stay the lightest class)', () => {
    expect(mapOf([...Array(30).fill(0), 3, 5, 8, 12, 20, 40]).subtitle).toMatch(/equal widths/)
  })
})

describe('palette', () => {
  const lightness = (hex: string) => {
    const lin = [1, 3, 5]
      .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
    const y = 0.2126 * lin[0]! + 0.7152 * lin[1]! + 0.0722 * lin[2]!
    return y > 0.008856 ? 116 * Math.cbrt(y) - 16 : 903.3 * y
  }
  it('determinations get clearly different lightness, darkest for the most relief (readable in greyscale)', () => {
    const ls = DETERMINATION_ORDER.map((d) => lightness(DETERMINATION_COLOR[d]))
    for (let i = 1; i < ls.length; i++) expect(ls[i]! - ls[i - 1]!).toBeGreaterThan(15)
  })
})
