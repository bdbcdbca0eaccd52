/** Choropleth of the counties: convictions granted relief per 100,000 residents. */
import * as Plot from '@observablehq/plot'
import type { Table } from 'apache-arrow'
import type { Feature, Geometry } from 'geojson'
import { vegaLiteBase, type ChartContext, type ChartDef } from './chart.ts'
import { MAP_SCHEME, WITHHELD_COLOR } from './palette.ts'
import type { CountyRow } from '../../data-contracts/outputs/public-marts.contract.ts'
import { countyName, fmtInt } from './labels.ts'
import { rowsOf } from './rows.ts'

type County = Feature<Geometry, { name: string }> & { id: string }

/** California Albers: equal-area conic with standard parallels 34° and 40.5° N, centred on 120° W. */
export const CA_PROJECTION = { type: 'conic-equal-area', parallels: [34, 40.5], rotate: [120, 0] } as const

export function countyMap(
  counties: County[],
  table: Table,
  ctx: ChartContext,
  hatchId = 'withheld-hatch',
): ChartDef {
  const byFips = new Map(
    rowsOf<CountyRow>(table)
      .filter((r) => r.outcome === 'relief' && r.fips)
      .map((r) => [r.fips!, r]),
  )
  const rateOf = (f: County) => byFips.get(f.id)?.counts_per_100k ?? null
  const shown = counties.filter((f) => byFips.has(f.id) && !byFips.get(f.id)!.suppressed && rateOf(f) != null)
  const withheld = counties.filter((f) => byFips.get(f.id)?.suppressed)
  const rates = shown.map((f) => rateOf(f)!)
  // Quantile classes only when their four cut points differ (many counties at 0 would merge classes and
  // colour zero mid-scale); otherwise five equal-width classes.
  const quantile = strictlyIncreasing(quantileCuts(rates, 5))
  const color: Plot.ScaleOptions = quantile
    ? { type: 'quantile', n: 5, scheme: MAP_SCHEME, domain: rates, tickFormat: ',.0f' }
    : // quantize, not linear: a continuous ramp legend needs a canvas, which the server-side DOM lacks
      { type: 'quantize', n: 5, scheme: MAP_SCHEME, domain: [0, Math.max(1, ...rates)], tickFormat: ',.0f' }
  const label = 'Convictions granted relief per 100,000 residents'
  const title = 'Relief per 100,000 residents, by county of conviction'
  const subtitle = `Convictions dismissed or reduced per 100,000 residents (2020 Census); five classes with ${quantile ? 'equal numbers of counties' : 'equal widths'}.`
  const note = withheld.length
    ? `Hatched: ${withheld.length} counties withheld (fewer than ${ctx.minCell} people, or would reveal such a cell).`
    : undefined
  const tip = (f: County) => {
    const r = byFips.get(f.id)
    const name = countyName(r?.county ?? f.properties.name)
    if (!r) return `${name}: not in this run`
    if (r.suppressed) return `${name}: withheld (fewer than ${ctx.minCell} people)`
    return `${name}: ${fmtInt(r.counts)} convictions granted relief, ${r.counts_per_100k} per 100,000 residents`
  }
  const collection = { type: 'FeatureCollection' as const, features: counties }
  const vlFeatures = counties.map((f) => {
    const r = byFips.get(f.id)
    return {
      type: 'Feature',
      id: f.id,
      geometry: rounded(f.geometry),
      properties: {
        county: countyName(r?.county ?? f.properties.name),
        status: !r ? 'not in run' : r.suppressed ? 'withheld' : 'shown',
        relief_counts: r && !r.suppressed ? r.counts : null,
        relief_per_100k: r && !r.suppressed ? r.counts_per_100k : null,
      },
    }
  })
  return {
    name: 'county-map',
    title,
    subtitle,
    note,
    empty: shown.length === 0 && withheld.length === 0,
    description: `Map of California's 58 counties shaded from light (few) to dark (many) convictions granted relief per 100,000 residents; withheld counties are hatched.`,
    legend: {
      ramp: { color: { ...color }, label },
      items: withheld.length
        ? [{ label: 'Withheld (small numbers)', color: WITHHELD_COLOR, hatch: true }]
        : [],
    },
    plot: {
      width: 480,
      projection: {
        ...CA_PROJECTION,
        parallels: [...CA_PROJECTION.parallels],
        rotate: [...CA_PROJECTION.rotate],
        domain: collection,
      },
      color,
      marks: [
        Plot.geo(counties, { fill: '#ffffff', stroke: '#999999', strokeWidth: 0.5, title: tip }),
        Plot.geo(shown, { fill: rateOf, stroke: '#ffffff', strokeWidth: 0.6, title: tip }),
        Plot.geo(withheld, { fill: `url(#${hatchId})`, stroke: '#777777', strokeWidth: 0.5, title: tip }),
      ],
    },
    vegaLite: {
      ...vegaLiteBase({ title, subtitle, note }, ctx),
      width: 500,
      height: 560,
      projection: { type: 'conicEqualArea', parallels: [34, 40.5], rotate: [120, 0] },
      data: { values: vlFeatures },
      layer: [
        {
          mark: { type: 'geoshape', fill: WITHHELD_COLOR, stroke: '#999999', strokeWidth: 0.5 },
          encoding: {
            tooltip: [
              { field: 'properties.county', title: 'County' },
              { field: 'properties.status', title: 'Status' },
            ],
          },
        },
        {
          transform: [{ filter: 'datum.properties.relief_per_100k != null' }],
          mark: { type: 'geoshape', stroke: 'white', strokeWidth: 0.6 },
          encoding: {
            color: {
              field: 'properties.relief_per_100k',
              type: 'quantitative',
              title: label,
              scale: quantile
                ? { type: 'quantile', scheme: { name: 'yellowgreenblue', count: 5 } }
                : { type: 'quantize', scheme: { name: 'yellowgreenblue', count: 5 } },
            },
            tooltip: [
              { field: 'properties.county', title: 'County' },
              { field: 'properties.relief_counts', title: 'Convictions granted relief' },
              { field: 'properties.relief_per_100k', title: 'Per 100,000 residents' },
            ],
          },
        },
      ],
    },
  }
}

/** Coordinates to 3 decimals (about 100 m): the inline Vega-Lite data stays small, the map looks the same. */
function rounded(g: Geometry): Geometry {
  const r = (c: unknown): unknown =>
    typeof c === 'number' ? Math.round(c * 1000) / 1000 : (c as unknown[]).map(r)
  return 'coordinates' in g ? ({ ...g, coordinates: r(g.coordinates) } as Geometry) : g
}

/** Cut points between n quantile classes (linear interpolation, as d3.quantile). */
export function quantileCuts(values: number[], n: number): number[] {
  const v = [...values].sort((a, b) => a - b)
  if (v.length === 0) return []
  return Array.from({ length: n - 1 }, (_, i) => {
    const h = (v.length - 1) * ((i + 1) / n)
    const lo = Math.floor(h)
    return v[lo]! + (v[Math.min(lo + 1, v.length - 1)]! - v[lo]!) * (h - lo)
  })
}

const strictlyIncreasing = (xs: number[]) => xs.length > 0 && xs.every((x, i) => i === 0 || x > xs[i - 1]!)
