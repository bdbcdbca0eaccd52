/**
 * Decides one hand-made extract under many policies without re-ingesting: `runPipeline` builds the run once
 * (statute policy), then each policy rebuilds only the policy layer and count_decisions/count_determinations in that
 * database.
 */
import { expect } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { stringify } from 'yaml'
import { runPipeline } from '../../pipelines/run/run-pipeline.ts'
import { openDb, type Db } from '../../pipelines/lib/duckdb.ts'
import { outPaths, REFERENCE_DIR } from '../../pipelines/lib/paths.ts'
import { buildModels } from '../../pipelines/run/build-models.ts'
import { resolvePolicy } from '../../pipelines/policy/resolve-policy.ts'
import { SCENARIO_MODELS } from '../../pipelines/compare/compare.ts'
import { MODELS } from '../../sql/models.ts'
import type { ResolvedPolicy } from '../../sql/rules/policy/resolved-policy.ts'
import type { DojRow } from '../../data-contracts/doj-extract.contract.ts'
import { writeExtract } from '../helpers/doj-fixture.ts'

export type Row = Record<string, string | number | boolean | null>

export interface Harness {
  db: Db
  /** count_determinations under the policy, keyed "subject/cnt_order". */
  decide(policy: string | ResolvedPolicy): Promise<Map<string, Row>>
  close(): void
}

export async function ingest(rows: DojRow[], asOf = '2026-01-01'): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'relief-policy-'))
  const file = writeExtract(rows, { dir })
  const out = join(dir, 'out')
  await runPipeline({ inputs: [file], out, asOf, quiet: true, determinationsOnly: true })
  const db = await openDb(outPaths(out).db)
  // The run's file keeps count_decisions as a view of its SQL (Model.persistAs): each policy here builds it as a
  // table, as a run does, after the view is dropped.
  await db.run('drop view count_decisions')
  // The statute layer is rebuilt with the policy layer (a view of int_prop64_counts).
  const models = MODELS.filter(
    (m) => m.name === 'elig_statute_determinations' || SCENARIO_MODELS.includes(m.name),
  )
  async function build(policy: ResolvedPolicy): Promise<Map<string, Row>> {
    await buildModels(
      db,
      { rawSource: '', asOf, county: null, policyName: policy.name, policy, referenceDir: REFERENCE_DIR },
      models,
    )
    const rows = await db.rows<Row>(
      `select *, age_at_conviction::int as age_at_conviction from count_determinations`,
    )
    return new Map(rows.map((r) => [`${r.subject_id}/${r.cnt_order}`, r]))
  }
  // A preset is decided once per harness (tests await each call, so builds never overlap).
  const byPreset = new Map<string, Map<string, Row>>()
  return {
    db,
    async decide(arg) {
      if (typeof arg !== 'string') return build(arg)
      if (!byPreset.has(arg)) byPreset.set(arg, await build(resolvePolicy(arg)))
      return byPreset.get(arg)!
    },
    close: () => {
      db.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Writes a policy object as a YAML file and resolves it. */
export function policyOf(p: Record<string, unknown>): ResolvedPolicy {
  const dir = mkdtempSync(join(tmpdir(), 'relief-policy-file-'))
  const file = join(dir, `${String(p.name ?? 'policy')}.yaml`)
  writeFileSync(file, stringify(p))
  return resolvePolicy(file)
}

/** The invariant of the policy layer: a changed outcome is always labelled as the policy's, never silent. */
export function assertNeverSilent(rows: Iterable<Row>): void {
  for (const r of rows) {
    if (r.determination !== r.statute_determination) {
      expect(r.layer).toBe('policy')
      expect(String(r.rule_id)).toMatch(/^DA-/)
      expect(String(r.citation)).toMatch(/^DA policy /)
      if (r.statute_rule_id !== 'P64-SCOPE-01')
        expect(String(r.reason)).toContain(`Statute alone: ${r.statute_determination}`)
    } else if (r.statute_rule_id !== 'P64-SCOPE-01') {
      expect(r.layer).toBe('statute')
      expect(r.rule_id).toBe(r.statute_rule_id)
    }
  }
}
