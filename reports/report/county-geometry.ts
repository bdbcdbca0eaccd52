/**
 * California's 58 counties as GeoJSON, from the us-atlas package (Census cartographic boundaries at
 * 1:10,000,000, already simplified): counties-10m.json filtered to state FIPS 06 and converted with
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
  const all = feature(topo, topo.objects.counties).features as CountyFeature[]
  cached = all.filter((f) => String(f.id).startsWith('06')).sort((a, b) => (a.id < b.id ? -1 : 1))
  return cached
}
