/**
 * California's 58 counties as GeoJSON, from the us-atlas package (Census cartographic boundaries at
 * 1:10,000,000, already simplified): counties-10m.json's geometries of state FIPS 06, converted with
 * topojson-client. Read once per process; no network.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { feature } from 'topojson-client'
import type { Topology, GeometryCollection } from 'topojson-specification'
import type { Feature, Geometry } from 'geojson'

export type CountyFeature = Feature<Geometry, { name: string }> & { id: string }

let cached: CountyFeature[] | undefined

export function californiaCounties(): CountyFeature[] {
  if (cached) return cached
  const path = createRequire(import.meta.url).resolve('us-atlas/counties-10m.json')
  const topo = JSON.parse(readFileSync(path, 'utf8')) as Topology<{
    counties: GeometryCollection<{ name: string }>
  }>
  // Only California's geometries are turned into features: converting all of the country's 3,000 and keeping 58
  // took about 0.1 s of every report. A feature is drawn from the shared arcs alone, so it comes out the same.
  const counties = topo.objects.counties
  const california = {
    ...counties,
    geometries: counties.geometries.filter((g) => String(g.id).startsWith('06')),
  }
  const features = feature(topo, california).features as CountyFeature[]
  cached = features.sort((a, b) => (a.id < b.id ? -1 : 1))
  return cached
}
