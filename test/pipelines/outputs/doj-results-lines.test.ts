/**
 * The DOJ step's line path (doj-results-lines.ts) against its parsing path (doj-results-sql.ts): on extracts with
 * quoted fields, doubled quotes, commas, CRLF line ends, padded and mixed-case dispositions, the dotless ı,
 * non-ASCII names, fields that may start a formula, several sentence parts per count and counts in several
 * counties, both write the same bytes, and the line path is the one taken (property); so does the line path from the
 * native reader's notes of where each count's lines are (doj-count-spans.ts), where the reader takes the extract.
 * An input the line path cannot take is written by the parsing path.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDb } from '../../../pipelines/lib/duckdb.ts'
import { outPaths } from '../../../pipelines/lib/paths.ts'
import { runPipeline } from '../../../pipelines/run/run-pipeline.ts'
import { ensureMarts } from '../../../pipelines/outputs/ensure-marts.ts'
import { writeResultFiles } from '../../../pipelines/outputs/doj-results-step.ts'
import { readManifest } from '../../../pipelines/export/export-command.ts'
import { conviction, dojRow, writeExtract } from '../../helpers/doj-fixture.ts'
import type { DojRow } from '../../../data-contracts/doj-extract.contract.ts'
import { foldInputs, keepCountLines } from '../../../pipelines/ingest/native/native-fold.ts'
import { inspectFile } from '../../../pipelines/ingest/inspect-file.ts'
import { identityOf, type FileIdentity } from '../../../pipelines/lib/file-identity.ts'
import type { Manifest } from '../../../data-contracts/manifest.contract.ts'

const AS_OF = '2026-01-01'

interface Count {
  subject: number
  cnt: number
  pad: string
  disposition: string
  name: string
  comment: string
  county: string
  felony: boolean
  parts: number
}

const count: fc.Arbitrary<Count> = fc.record({
  subject: fc.integer({ min: 1, max: 6 }),
  cnt: fc.integer({ min: 1, max: 3 }),
  // Spaces around the person's id: ASCII, or a no-break space (DuckDB's trim strips both).
  pad: fc.constantFrom('', '', ' ', '\u00a0'),
  disposition: fc.constantFrom(
    'CONVICTED-PROBATION',
    'convicted',
    '  Convicted-JAIL',
    'CONVıCTED',
    'DISMISSED',
    'CONVICTION SET ASIDE',
  ),
  name: fc.constantFrom('DOE,JOHN', 'O"NEIL,PAT', 'MÜLLER,JÖRG', 'NGUYỄN VAN A', '"QUOTED" NAME'),
  comment: fc.constantFrom(
    '',
    '',
    'PER PLEA, AMENDED',
    '=HYPERLINK("http://x","y")',
    '-5',
    '@SUM',
    'CONVICTED',
  ),
  county: fc.constantFrom('YOLO', 'LOS ANGELES', 'SAN JOAQUIN'),
  felony: fc.boolean(),
  parts: fc.integer({ min: 0, max: 3 }),
})

/** One plain misdemeanor count of one person, in one county. */
const ONE_COUNT: Count = {
  subject: 1,
  cnt: 1,
  pad: '',
  disposition: 'CONVICTED',
  name: 'DOE,JOHN',
  comment: '',
  county: 'YOLO',
  felony: false,
  parts: 1,
}

function rowsOf(counts: readonly Count[]): DojRow[] {
  return counts.flatMap((c) => {
    const subject = `3000${c.subject}`
    return conviction({
      subject: `${c.pad}${subject}${c.pad}`,
      cnt: `00100${c.cnt}001000`,
      offense: c.felony ? '11359 HS-POSS MARIJUANA FOR SALE' : '11357(B) HS-POSSESS MARIJUANA',
      convicted: '20050301',
      level: c.felony ? 'FELONY' : 'MISDEMEANOR',
      toc: c.felony ? 'F' : 'M',
      county: c.county,
      court: `CASC ${c.county}`,
      disposition: c.disposition,
      name: c.name,
      comment: c.comment,
      sentence: Array.from({ length: c.parts }, (_, i) => ({
        kind: i === 0 ? 'JAIL' : 'PROBATION',
        length: String(10 + i),
        unit: 'D' as const,
      })),
    })
  })
}

/** Runs the extract, then writes the DOJ files again by each path; returns both folders' files and the path taken. */
async function bothPaths(rows: DojRow[], crlf: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'relief-doj-lines-'))
  const extract = writeExtract(rows, { dir })
  if (crlf) writeFileSync(extract, readFileSync(extract, 'utf8').replaceAll('\n', '\r\n'))
  const out = join(dir, 'run')
  await runPipeline({ inputs: [extract], out, asOf: AS_OF, quiet: true })
  const manifest = readManifest(out)
  const dbPath = outPaths(out).db
  const db = await openDb(dbPath, { threads: 2 })
  try {
    await ensureMarts(db, dbPath, manifest)
    const write = async (
      name: string,
      linePath: boolean,
      countLines?: string[],
      inputsAsRead?: Map<string, FileIdentity>,
    ) => {
      const ctx = {
        db,
        out: join(dir, name),
        runId: manifest.run_id,
        asOf: manifest.as_of,
        manifest,
        countLines,
        inputsAsRead,
      }
      const r = await writeResultFiles(ctx, 'counts', { linePath })
      const doj = join(ctx.out, 'restricted', 'doj')
      const files = Object.fromEntries(readdirSync(doj).map((f) => [f, readFileSync(join(doj, f), 'utf8')]))
      return { byLines: r.byLines, lineSource: r.lineSource, files }
    }
    // The native reader's notes, as a run keeps them (it declines an extract with the dotless ı in DISP_DESCR).
    const fold = await foldInputs([inspectFile(extract)], join(dir, 'fold'))
    const notes = fold.kind === 'folded' ? keepCountLines(fold.dir, join(dir, 'notes')) : undefined
    // With the input's identity as the run would pass it, the native writer copies the noted lines.
    const asRead = new Map([[extract, identityOf(statSync(extract, { bigint: true }))]])
    return {
      lines: await write('lines', true),
      parsed: await write('parsed', false),
      noted: notes && (await write('noted', true, notes)),
      native: notes && (await write('native', true, notes, asRead)),
    }
  } finally {
    db.close()
  }
}

describe('DOJ result files, line path', () => {
  it('writes the parsing path bytes, taking the input by its lines (property)', async () => {
    let rowsSeen = 0
    let notedRuns = 0
    await fc.assert(
      fc.asyncProperty(
        fc.array(count, { minLength: 1, maxLength: 14 }),
        fc.boolean(),
        async (counts, crlf) => {
          const { lines, parsed, noted, native } = await bothPaths(rowsOf(counts), crlf)
          expect(lines.byLines).toBe(true)
          expect(lines.lineSource).toBe('scan')
          expect(parsed.byLines).toBe(false)
          expect(lines.files).toEqual(parsed.files)
          if (noted) {
            expect(noted.lineSource).toBe('notes')
            expect(noted.files).toEqual(parsed.files)
            expect(native!.lineSource).toBe('native')
            expect(native!.files).toEqual(parsed.files)
            notedRuns++
          }
          rowsSeen += Object.values(lines.files).reduce((n, t) => n + t.split('\n').length - 2, 0)
        },
      ),
      { numRuns: 10 },
    )
    // Not vacuous: the files held rows, and the notes were read.
    expect(rowsSeen).toBeGreaterThan(0)
    expect(notedRuns).toBeGreaterThan(0)
  }, 180_000)

  it('has the native writer rebuild lines that may start a formula, as the parsing path does', async () => {
    const counts = [
      { ...ONE_COUNT, comment: '=HYPERLINK("http://x","y")' },
      { ...ONE_COUNT, cnt: 2, comment: '-5', parts: 2 },
      { ...ONE_COUNT, subject: 2, county: 'LOS ANGELES' },
    ]
    const { parsed, native } = await bothPaths(rowsOf(counts), false)
    expect(native!.lineSource).toBe('native')
    expect(native!.files).toEqual(parsed.files)
    // Not vacuous: the rebuilt fields are written safe (a leading quote), not as read.
    const text = Object.values(native!.files).join('')
    expect(text).toContain(`'=HYPERLINK`)
    expect(text).not.toMatch(/,=HYPERLINK/)
  }, 60_000)

  /**
   * A run, the reader's notes, and the step written again from them with `asRead` as the run would pass it (the
   * input's identity when the ledger hashed it); `change` alters the input or the manifest first.
   */
  async function fromNotes(change: (extract: string, manifest: Manifest) => void) {
    const rows = rowsOf([{ ...ONE_COUNT, felony: true }])
    const dir = mkdtempSync(join(tmpdir(), 'relief-doj-notes-changed-'))
    const extract = writeExtract(rows, { dir })
    const out = join(dir, 'run')
    await runPipeline({ inputs: [extract], out, asOf: AS_OF, quiet: true })
    const fold = await foldInputs([inspectFile(extract)], join(dir, 'fold'))
    expect(fold.kind).toBe('folded')
    const countLines = keepCountLines(join(dir, 'fold'), join(dir, 'notes'))
    // A whole second, which utimes can set back exactly.
    utimesSync(extract, MTIME, MTIME)
    const asRead = new Map([[extract, identityOf(statSync(extract, { bigint: true }))]])
    const manifest = readManifest(out)
    change(extract, manifest)
    const dbPath = outPaths(out).db
    const db = await openDb(dbPath, { threads: 2 })
    try {
      await ensureMarts(db, dbPath, manifest)
      const ctx = { db, out: join(dir, 'again'), runId: manifest.run_id, asOf: manifest.as_of, manifest }
      const r = await writeResultFiles({ ...ctx, countLines, inputsAsRead: asRead }, 'counts')
      return { r, out, again: ctx.out }
    } finally {
      db.close()
    }
  }

  const MTIME = 1_700_000_000

  /** Same length, one byte different: only the hash, or the file's identity, tells. */
  const oneByte = (extract: string) =>
    writeFileSync(extract, readFileSync(extract, 'utf8').replace('DOE,JOHN', 'DOE,JOHM'))

  it('refuses, from the notes, an input changed since the run read it', async () => {
    await expect(fromNotes(oneByte)).rejects.toThrow(/changed since run/)
  }, 60_000)

  it('refuses it even with its modification time set back: the status-change time tells', async () => {
    const back = (extract: string) => {
      oneByte(extract)
      utimesSync(extract, MTIME, MTIME)
      // Not vacuous: the size and the modification time are as they were.
      expect(statSync(extract, { bigint: true }).mtimeNs).toBe(BigInt(MTIME) * 1_000_000_000n)
    }
    await expect(fromNotes(back)).rejects.toThrow(/changed since run/)
  }, 60_000)

  it('copies from an input of the identity the run hashed without hashing it again', async () => {
    // The manifest's sha256 made wrong: the step, trusting the identity, never compares it.
    const { r, out, again } = await fromNotes((_, manifest) => {
      manifest.inputs[0]!.sha256 = '0'.repeat(64)
    })
    expect(r.lineSource).toBe('native')
    expect(r.written.length).toBeGreaterThan(0)
    for (const f of r.written)
      expect(readFileSync(join(again, f), 'utf8')).toBe(readFileSync(join(out, f), 'utf8'))
  }, 60_000)

  it('leaves an input with a quote inside an unquoted field to the parsing path, with the same bytes', async () => {
    // DuckDB reads `AB"C` as one value; the line scan does not copy that quirk and gives the input up.
    const rows = [
      ...rowsOf([ONE_COUNT]),
      dojRow({ SUBJECT_ID: '300009', DISP_DESCR: 'CONVICTED', COMMENT_TEXT: 'PLACEHOLDER' }),
    ]
    const dir = mkdtempSync(join(tmpdir(), 'relief-doj-quirk-'))
    const extract = writeExtract(rows, { dir })
    writeFileSync(extract, readFileSync(extract, 'utf8').replace('PLACEHOLDER', 'AB"C'))
    const out = join(dir, 'run')
    await runPipeline({ inputs: [extract], out, asOf: AS_OF, quiet: true })
    const manifest = readManifest(out)
    expect(manifest.totals.rows_rejected).toBe(0)
    const dbPath = outPaths(out).db
    const db = await openDb(dbPath, { threads: 2 })
    try {
      await ensureMarts(db, dbPath, manifest)
      const ctx = { db, out: join(dir, 'again'), runId: manifest.run_id, asOf: manifest.as_of, manifest }
      const r = await writeResultFiles(ctx, 'counts')
      expect(r.byLines).toBe(false)
      const file = readFileSync(join(ctx.out, r.written[0]!), 'utf8')
      expect(file).toBe(readFileSync(join(out, r.written[0]!), 'utf8'))
      expect(file.split('\n')).toHaveLength(3) // header, the one count's line, the final newline
    } finally {
      db.close()
    }
  }, 60_000)
})
