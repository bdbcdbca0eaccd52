/**
 * The native DOJ line writer (pipelines/outputs/native/doj-lines.c) on hand-made plans: what it writes (each count's
 * lines in the order of their bytes, each followed by the count's text and its outcome's; every file, with its
 * header even when it has no count), and how it answers a plan it cannot write: a count with no noted line (4), an
 * input shorter than its notes (5), lines that may start a formula (3, listed; then written as rebuilt).
 * The pipeline's own files are held to the parsing path's in doj-results-lines.test.ts.
 */
import { describe, expect, it } from 'vitest'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runProgram } from '../../../pipelines/lib/native-program.ts'
import {
  dojLineWriter,
  lengthPrefixed,
  parseLengthPrefixed,
} from '../../../pipelines/outputs/doj-native-lines.ts'

const F = '\x01'
const R = '\x02'

/** An input of lines, and where each line starts and how long it is. */
function input(dir: string, lines: string[]) {
  const path = join(dir, 'input.csv')
  writeFileSync(path, lines.map((l) => `${l}\n`).join(''))
  let at = 0
  const spans = lines.map((l) => {
    const s = `0:${at}:${Buffer.byteLength(l)}`
    at += Buffer.byteLength(l) + 1
    return s
  })
  return { path, spans }
}

async function write(
  counts: { file: number; spans: string[]; text: string; outcome: number }[],
  lines: string[],
  files = 2,
  rebuilt?: string[],
) {
  const program = await dojLineWriter()
  if (!('path' in program)) throw new Error(program.why)
  const dir = mkdtempSync(join(tmpdir(), 'relief-doj-lines-'))
  const { path } = input(dir, lines)
  const job = (name: string, text: string | Buffer) => {
    writeFileSync(join(dir, name), text)
    return join(dir, name)
  }
  const outs = Array.from({ length: files }, (_, i) => join(dir, `out-${i}.csv`))
  const r = await runProgram(program.path, [
    job('plan', counts.map((c) => [c.file, c.spans.join(' '), c.text, c.outcome].join(F)).join(R)),
    job('outcomes', [`0${F}dismiss,"Dismiss: a reason, with a comma"`, `1${F}reduce,Reduce`].join(R)),
    job('paths', outs.map((o) => `${o}\n`).join('')),
    job('header', 'A,B,C,D\n'),
    join(dir, 'formula'),
    rebuilt ? job('rebuilt', lengthPrefixed(rebuilt.map((l) => Buffer.from(l)))) : '-',
    path,
  ])
  const read = (f: string) => (existsSync(f) ? readFileSync(f, 'utf8') : undefined)
  return { r, files: outs.map(read), formula: read(join(dir, 'formula')), dir }
}

describe('native DOJ line writer', () => {
  it("writes each count's lines in byte order, then its text and its outcome's, file by file", async () => {
    const lines = ['x,2,b', 'x,1,a', 'y,1,z', 'x,2,a']
    const { spans } = input(mkdtempSync(join(tmpdir(), 'relief-doj-lines-')), lines)
    const { r, files } = await write(
      [
        { file: 0, spans: [spans[0]!, spans[3]!], text: 'true,6', outcome: 0 },
        { file: 0, spans: [spans[1]!], text: 'false,2', outcome: 1 },
      ],
      lines,
      3,
    )
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^identity 0 \d+ \d+ 24 \d+ \d+$/m)
    expect(r.stdout).toMatch(/^after 0 \d+ \d+ 24 \d+ \d+$/m)
    expect(files[0]).toBe(
      [
        'A,B,C,D',
        'x,2,a,true,6,dismiss,"Dismiss: a reason, with a comma"',
        'x,2,b,true,6,dismiss,"Dismiss: a reason, with a comma"',
        'x,1,a,false,2,reduce,Reduce',
        '',
      ].join('\n'),
    )
    // Files with no count: the header alone.
    expect(files[1]).toBe('A,B,C,D\n')
    expect(files[2]).toBe('A,B,C,D\n')
  })

  it('orders a shorter line first where one is the start of the other (Buffer.compare)', async () => {
    const lines = ['k,10', 'k,1']
    const { spans } = input(mkdtempSync(join(tmpdir(), 'relief-doj-lines-')), lines)
    const { files } = await write([{ file: 1, spans, text: 't', outcome: 1 }], lines)
    expect(files[1]).toBe('A,B,C,D\nk,1,t,reduce,Reduce\nk,10,t,reduce,Reduce\n')
  })

  it('declines a count with no noted line (exit 4), writing nothing', async () => {
    const { r, files } = await write([{ file: 0, spans: [], text: 't', outcome: 0 }], ['a'])
    expect(r.code).toBe(4)
    expect(files).toEqual([undefined, undefined])
  })

  it('answers an input shorter than its notes with its number (exit 5), writing nothing', async () => {
    const { r, files } = await write([{ file: 0, spans: ['0:2:100'], text: 't', outcome: 0 }], ['abc'])
    expect(r.code).toBe(5)
    expect(r.stdout).toMatch(/^short 0$/m)
    expect(files).toEqual([undefined, undefined])
  })

  it('lists the lines that may start a formula (exit 3), then writes them as rebuilt', async () => {
    const lines = ['p,=1+1', 'q,ok', 'r,"-5"']
    const { spans } = input(mkdtempSync(join(tmpdir(), 'relief-doj-lines-')), lines)
    const counts = [
      { file: 0, spans: [spans[2]!], text: 't2', outcome: 1 },
      { file: 0, spans: [spans[0]!, spans[1]!], text: 't1', outcome: 1 },
    ]
    const first = await write(counts, lines)
    expect(first.r.code).toBe(3)
    expect(first.r.stdout).toMatch(/^formula 2$/m)
    expect(first.files).toEqual([undefined, undefined])
    // Listed in input order, whatever the counts' order.
    const listed = parseLengthPrefixed(Buffer.from(first.formula!, 'utf8')).map((b) => b.toString())
    expect(listed).toEqual(['p,=1+1', 'r,"-5"'])
    const again = await write(counts, lines, 2, ["p,'=1+1", `r,"'-5"`])
    expect(again.r.code).toBe(0)
    expect(again.files[0]).toBe(
      ['A,B,C,D', `r,"'-5",t2,reduce,Reduce`, "p,'=1+1,t1,reduce,Reduce", 'q,ok,t1,reduce,Reduce', ''].join(
        '\n',
      ),
    )
  })
})
