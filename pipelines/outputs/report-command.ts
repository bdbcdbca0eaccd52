/**
 * `relief report --out DIR [--min-cell N]`: rebuilds public/report (and public/marts) from an existing run
 * folder, reading <DIR>/relief.duckdb and <DIR>/manifest.json. Marts missing from an older database are
 * built first.
 */
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { openDb } from '../lib/duckdb.ts'
import { outPaths } from '../lib/paths.ts'
import { UserError } from '../lib/user-error.ts'
import type { Manifest } from '../../data-contracts/manifest.contract.ts'
import { ensureMarts } from './ensure-marts.ts'
import { reportPaths, writeReport, type ReportResult } from './write-report.ts'
import { withStagedWrites } from '../export/staged-writes.ts'

export async function reportCommand(o: {
  out: string
  db?: string
  minCell?: number
}): Promise<ReportResult & { seconds: number }> {
  const started = performance.now()
  const out = resolve(o.out)
  const paths = outPaths(out)
  const dbPath = o.db ? resolve(o.db) : paths.db
  if (o.minCell !== undefined && o.minCell < 1) throw new UserError('--min-cell must be 1 or more')
  for (const f of [dbPath, paths.manifest])
    if (!existsSync(f)) throw new UserError(`${f} not found: run \`relief run --out ${o.out}\` first`)
  const manifest = JSON.parse(readFileSync(paths.manifest, 'utf8')) as Manifest
  const db = await openDb(dbPath)
  try {
    await ensureMarts(db, dbPath, manifest)
    const [r] = await withStagedWrites(out, 'report', async (stage) => [
      await writeReport({
        db,
        out: stage,
        runId: manifest.run_id,
        asOf: manifest.as_of,
        manifest,
        minCell: o.minCell,
      }),
    ])
    return { ...r!, html: reportPaths(out).html, seconds: (performance.now() - started) / 1000 }
  } finally {
    db.close()
  }
}
