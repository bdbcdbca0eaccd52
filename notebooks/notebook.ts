/**
 * What a notebook is: a plain TypeScript module that asks one question, runs queries and charts, and
 * writes its answer as a document. `Doc` collects prose, tables and charts in reading order and writes
 * index.html (self-contained, inline SVG) and README.md (PNG images) into the notebook's folder.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ChartContext, ChartDef } from '../reports/charts/chart.ts'
import { renderChart } from '../reports/report/render-chart.ts'
import { esc, table, type TableSpec } from '../reports/report/html.ts'

export interface NotebookContext {
  /** DOJ extract(s) to analyse. */
  input: string
  /** Folder the document and its run folders go in. */
  out: string
  asOf: string
  /** Extra --key value options given after the name. */
  options: Record<string, string>
}

export interface Notebook {
  name: string
  title: string
  /** The question, in one sentence. */
  question: string
  run(ctx: NotebookContext, doc: Doc): Promise<void>
}

type Block =
  | { kind: 'p'; text: string }
  | { kind: 'h'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; spec: TableSpec }
  | { kind: 'chart'; def: ChartDef; ctx: ChartContext }
  | { kind: 'code'; text: string }

export class Doc {
  private readonly blocks: Block[] = []
  constructor(
    readonly title: string,
    readonly question: string,
  ) {}
  p(text: string): this {
    this.blocks.push({ kind: 'p', text })
    return this
  }
  h(text: string): this {
    this.blocks.push({ kind: 'h', text })
    return this
  }
  list(items: string[]): this {
    this.blocks.push({ kind: 'list', items })
    return this
  }
  table(spec: TableSpec): this {
    this.blocks.push({ kind: 'table', spec })
    return this
  }
  chart(def: ChartDef, ctx: ChartContext): this {
    this.blocks.push({ kind: 'chart', def, ctx })
    return this
  }
  code(text: string): this {
    this.blocks.push({ kind: 'code', text })
    return this
  }

  /** Writes index.html, README.md and every chart's .svg/.png/.vl.json; returns the files written. */
  write(dir: string, footer: string): string[] {
    mkdirSync(dir, { recursive: true })
    const files: string[] = []
    const html: string[] = []
    const md: string[] = [`# ${this.title}`, '', `**Question.** ${this.question}`, '']
    for (const b of this.blocks) {
      if (b.kind === 'p') {
        html.push(`<p>${esc(b.text)}</p>`)
        md.push(b.text, '')
      } else if (b.kind === 'h') {
        html.push(`<h2>${esc(b.text)}</h2>`)
        md.push(`## ${b.text}`, '')
      } else if (b.kind === 'list') {
        html.push(`<ul>${b.items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`)
        md.push(...b.items.map((i) => `- ${i}`), '')
      } else if (b.kind === 'code') {
        html.push(`<pre><code>${esc(b.text)}</code></pre>`)
        md.push('```', b.text, '```', '')
      } else if (b.kind === 'table') {
        html.push(table(b.spec))
        md.push(
          `| ${b.spec.head.join(' | ')} |`,
          `|${b.spec.head.map((_, i) => (i ? '---:' : '---')).join('|')}|`,
          ...b.spec.rows.map((r) => `| ${r.map((c) => c.text).join(' | ')} |`),
          '',
        )
      } else {
        const c = renderChart(b.def, b.ctx)
        for (const [ext, body] of [
          ['svg', c.svg],
          ['png', c.png],
          ['vl.json', c.vegaLite],
        ] as const) {
          writeFileSync(join(dir, `${b.def.name}.${ext}`), body)
          files.push(`${b.def.name}.${ext}`)
        }
        html.push(
          `<figure>${c.svg.replace(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" /, '<svg ')}<figcaption>${esc(b.def.description)}</figcaption></figure>`,
        )
        md.push(`![${b.def.title}](${b.def.name}.png)`, '', `*${b.def.description}*`, '')
      }
    }
    md.push('---', footer, '')
    writeFileSync(join(dir, 'README.md'), md.join('\n'))
    writeFileSync(
      join(dir, 'index.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(this.title)}</title><style>
body { max-width: 980px; margin: 0 auto; padding: 20px; font: 15px/1.5 system-ui, 'DejaVu Sans', Arial, sans-serif; color: #1a1a1a; }
h1 { font-size: 25px; } h2 { font-size: 19px; margin-top: 32px; border-top: 1px solid #ddd; padding-top: 8px; }
.q { background: #f4f7fb; border-left: 4px solid #225ea8; padding: 8px 12px; }
figure { margin: 16px 0; } figure svg { max-width: 100%; height: auto; } figcaption { font-size: 12.5px; color: #555; }
table { border-collapse: collapse; font-size: 13px; font-variant-numeric: tabular-nums; margin: 8px 0 16px; }
th, td { padding: 3px 8px; border-bottom: 1px solid #e6e6e6; text-align: left; } thead th { border-bottom: 2px solid #999; }
.n { text-align: right; } .w { color: #777; font-style: italic; } tr.total th, tr.total td { font-weight: 700; background: #f6f6f6; }
pre { background: #f4f4f4; padding: 8px; overflow-x: auto; font-size: 12.5px; } footer { margin-top: 36px; font-size: 13px; color: #555; }
</style></head><body><h1>${esc(this.title)}</h1><p class="q"><b>Question.</b> ${esc(this.question)}</p>
${html.join('\n')}
<footer>${esc(footer)}</footer></body></html>
`,
    )
    return ['index.html', 'README.md', ...files]
  }
}
