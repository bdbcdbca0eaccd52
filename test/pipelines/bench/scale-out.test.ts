/**
 * The scale-out path (pipelines/bench/scale-out-run.ts): a generated extract with corrupted lines, partitioned
 * by a hash of the subject into 3 workers in separate processes; the union of their decisions must equal a
 * single `relief run`, row for row, including the people whose history lost a line (P64-DATA-04 in both).
 */
import { describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { generateExtract } from '../../../pipelines/generate/generate-extract.ts'
import { openDb } from '../../../pipelines/lib/duckdb.ts'
import { lit } from '../../../sql/helpers/quote.ts'
import { DOJ_COLUMN_NAMES } from '../../../data-contracts/doj-extract.contract.ts'
import { compareRuns, scaleOut, type ScaleOutReport } from '../../../pipelines/bench/scale-out-run.ts'
import { partitionOf, partitionPaths } from '../../../pipelines/bench/scale-out-partition.ts'
import { outPaths } from '../../../pipelines/lib/paths.ts'

const WORKERS = 3
const SUBJECT = DOJ_COLUMN_NAMES.indexOf('SUBJECT_ID')
const PROP64 = /,\s*113(57|58|59|60)[^,]*HS-/

interface Line {
  text: string
  subject: string
  prop64: boolean
}

/** Partition of each subject id, computed by DuckDB with the partitioner's own expression. */
async function partitionsOf(ids: string[]): Promise<Map<string, number>> {
  const db = await openDb(':memory:')
  try {
    const rows = await db.rows<{ id: string; k: number }>(
      `select id, ${partitionOf('id', WORKERS)}::int as k from unnest([${ids.map(lit).join(', ')}]) t(id)`,
    )
    return new Map(rows.map((r) => [r.id, r.k]))
  } finally {
    db.close()
  }
}

/**
 * Corrupts lines of people who have a Prop 64 conviction on another line (so their counts are still decided):
 * truncated lines and a line a field short, in every partition, and one unterminated quote that
 * swallows the next line, of a person in another partition (one rejected record naming two people).
 */
async function corruptedExtract(dir: string) {
  const clean = join(dir, 'clean.csv')
  await generateExtract({ subjects: 2000, seed: 11, out: clean, threads: 1 })
  const [header, ...body] = readFileSync(clean, 'utf8').trimEnd().split('\n')
  const lines: Line[] = body.map((text) => ({
    text,
    subject: (parse(text) as string[][])[0]![SUBJECT]!.trim(),
    prop64: PROP64.test(text),
  }))
  const withProp64 = new Set(lines.filter((l) => l.prop64 && /,CONVICTED/.test(l.text)).map((l) => l.subject))
  const part = await partitionsOf([...new Set(lines.map((l) => l.subject))])
  // Lines that are not a Prop 64 count, of people who have one elsewhere.
  const victims = lines.map((l, i) => ({ ...l, i })).filter((l) => !l.prop64 && withProp64.has(l.subject))
  // Two people per partition: truncated lines, and one line a field short (its last comma dropped).
  const chosen = new Map<string, number>() // subject → line index
  for (const k of [0, 1, 2])
    for (const v of victims.filter((x) => part.get(x.subject) === k))
      if (!chosen.has(v.subject) && [...chosen.keys()].filter((s) => part.get(s) === k).length < 2)
        chosen.set(v.subject, v.i)
  const [first, ...rest] = [...chosen.values()]
  lines[first!]!.text = lines[first!]!.text.replace(/,([^,]*)$/, '$1')
  for (const i of rest) lines[i]!.text = lines[i]!.text.slice(0, 100 + (i % 50))
  // The quote: a line ending in an empty field, followed by another person's non-Prop 64 line in another partition.
  const q = victims.findIndex(
    (v) =>
      !chosen.has(v.subject) &&
      v.text.endsWith(',') &&
      lines[v.i + 1] &&
      !lines[v.i + 1]!.prop64 &&
      withProp64.has(lines[v.i + 1]!.subject) &&
      !chosen.has(lines[v.i + 1]!.subject) &&
      part.get(lines[v.i + 1]!.subject) !== part.get(v.subject),
  )
  const open = victims[q]!
  lines[open.i]!.text = open.text.replace(/,$/, ',"open')
  const swallowed = lines[open.i + 1]!.subject
  const file = join(dir, 'extract.csv')
  writeFileSync(file, [header, ...lines.map((l) => l.text), 'garbage that names nobody'].join('\n') + '\n')
  return { file, incomplete: [...chosen.keys(), open.subject, swallowed], swallowed, part }
}

describe('hash-partitioned scale-out in separate processes', () => {
  let report: ScaleOutReport
  let dir: string

  it('the union of 3 workers equals the single run, people with rejected lines included', async () => {
    dir = mkdtempSync(join(tmpdir(), 'relief-scale-out-'))
    const x = await corruptedExtract(dir)
    report = await scaleOut({ inputs: [x.file], out: join(dir, 'out'), workers: WORKERS, asOf: '2026-01-01' })
    const c = report.comparison!
    expect(c).toMatchObject({ union_minus_single: 0, single_minus_union: 0, rejects_differ: 0, equal: true })
    expect(c.union_rows).toBe(c.single_rows)
    expect(c.union_rows).toBeGreaterThan(1000)
    expect(report.workers_run.every((w) => w.rows > 0)).toBe(true)
    // Every corruption is one rejected record (the quote takes two lines), and the garbage line.
    expect(report.partition.totals).toMatchObject({ rows_rejected: 8, balanced: true })
    expect(c.rejects_union).toBe(8)

    const db = await openDb(':memory:')
    try {
      const union = `read_parquet(${lit(join(dir, 'out', 'count_determinations.parquet'))})`
      const single = `read_parquet(${lit(outPaths(join(dir, 'out', 'single')).determinationsParquet)})`
      const ids = x.incomplete.map(lit).join(', ')
      for (const rel of [union, single]) {
        const rows = await db.rows<{ subject_id: string; determination: string; statute_rule_id: string }>(
          `select subject_id, determination, statute_rule_id from ${rel} where subject_id in (${ids})`,
        )
        // Each of the 8 people is decided, and only as review for the lost line.
        expect(new Set(rows.map((r) => r.subject_id)).size).toBe(x.incomplete.length)
        expect(rows.every((r) => r.determination === 'review' && r.statute_rule_id === 'P64-DATA-04')).toBe(
          true,
        )
      }
      // The swallowed line's person lives in another partition than the line that opened the quote: the
      // reject went to both workers.
      const [multi] = await db.rows<{ n: number }>(
        `select len(subject_ids)::int as n from read_parquet(${lit(partitionPaths(join(dir, 'out')).rejects)})
         where list_contains(subject_ids, ${lit(x.swallowed)})`,
      )
      expect(multi).toEqual({ n: 2 })
      expect(new Set(x.incomplete.map((s) => x.part.get(s))).size).toBe(WORKERS)
    } finally {
      db.close()
    }
  }, 240_000)

  it('the comparison sees a missing row and a changed decision', async () => {
    const out = join(dir, 'out')
    const db = await openDb(':memory:')
    const altered = join(dir, 'altered.parquet')
    try {
      await db.run(`copy (
        select * replace (case when row_number() over () = 1 then 'changed' else determination end as determination)
        from read_parquet(${lit(join(out, 'count_determinations.parquet'))}) limit ${report.rows - 1})
        to ${lit(altered)} (format parquet)`)
    } finally {
      db.close()
    }
    const c = await compareRuns(altered, join(out, 'single'), partitionPaths(out).rejects)
    expect(c).toMatchObject({ union_minus_single: 1, single_minus_union: 2, equal: false })
  }, 60_000)
})
