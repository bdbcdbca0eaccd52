/** Where things live: the reference tables beside the code, and the layout of a run's output folder. */
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'

export const REFERENCE_DIR = fileURLToPath(new URL('../../data-contracts/reference', import.meta.url))

export const outPaths = (out: string) => ({
  db: join(out, 'relief.duckdb'),
  determinationsCsv: join(out, 'count_determinations.csv'),
  determinationsParquet: join(out, 'count_determinations.parquet'),
  rejectsCsv: join(out, 'rejects.csv'),
  manifest: join(out, 'manifest.json'),
  runLog: join(out, 'run-log.json'),
  models: join(out, 'models'),
  restricted: join(out, 'restricted'),
  public: join(out, 'public'),
})
