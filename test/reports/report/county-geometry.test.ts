/**
 * The county map's shapes: California's 58 counties, in FIPS order, each exactly the feature the whole country's
 * conversion gives (only California's geometries are converted, for speed).
 */
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { feature } from 'topojson-client'
import type { GeometryCollection, Topology } from 'topojson-specification'
import { californiaCounties } from '../../../reports/report/county-geometry.ts'

describe('californiaCounties', () => {
  it("gives California's 58 counties in FIPS order, each as the whole country's conversion gives it", () => {
    const counties = californiaCounties()
    expect(counties).toHaveLength(58)
    expect(counties.map((c) => c.id)).toEqual(counties.map((c) => c.id).sort())
    expect(counties.every((c) => String(c.id).startsWith('06'))).toBe(true)
    expect(counties.find((c) => c.id === '06037')?.properties.name).toBe('Los Angeles')

    const path = createRequire(import.meta.url).resolve('us-atlas/counties-10m.json')
    const topo = JSON.parse(readFileSync(path, 'utf8')) as Topology<{
      counties: GeometryCollection<{ name: string }>
    }>
    const whole = feature(topo, topo.objects.counties).features.filter((f) => String(f.id).startsWith('06'))
    expect(counties).toEqual(whole.sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1)))
  })

  it('reads the shapes once per process', () => {
    expect(californiaCounties()).toBe(californiaCounties())
  })
})
