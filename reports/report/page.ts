/**
 * The report page: one HTML file with inline CSS and inline SVG, no script and no external reference, so it
 * opens from disk anywhere and a Content-Security-Policy of default-src 'none' can forbid every request.
 */
import { esc } from './html.ts'
import type { DrawnChart } from './render-chart.ts'
import type { ReportData, Section } from './report-data.ts'

const CSS = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #555; --rule: #d0d0d0; --accent: #081d58; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, 'Segoe UI', 'DejaVu Sans', Arial, sans-serif; color: var(--ink); background: #fff; }
header, main, footer { max-width: 1040px; margin: 0 auto; padding: 0 20px; }
header { padding-top: 24px; border-bottom: 3px solid var(--accent); }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 21px; margin: 40px 0 8px; padding-top: 8px; border-top: 1px solid var(--rule); }
h3 { font-size: 17px; margin: 28px 0 6px; }
.sub { color: var(--muted); margin: 0 0 12px; }
nav ol { display: flex; flex-wrap: wrap; gap: 4px 18px; padding: 0; margin: 8px 0 14px; list-style: none; }
nav a, a { color: var(--accent); }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(180px, 1fr)); gap: 10px; margin: 16px 0; }
.card { border: 1px solid var(--rule); border-left: 5px solid #999; padding: 10px 12px; border-radius: 3px; }
.card .big { font-size: 26px; font-weight: 700; font-variant-numeric: tabular-nums; }
.card .label { font-size: 13px; }
.card .small { font-size: 12px; color: var(--muted); }
.card-dismiss { border-left-color: #081d58; } .card-reduce { border-left-color: #225ea8; }
.card-review { border-left-color: #41b6c4; } .card-not_eligible { border-left-color: #d9d9d9; }
.card-relief, .card-all { border-left-color: #1a1a1a; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 10px 0; font-size: 14px; }
dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; }
figure.chart { margin: 18px 0 26px; }
figure.chart svg { max-width: 100%; height: auto; display: block; }
figcaption { font-size: 12.5px; color: var(--muted); margin-top: 4px; }
.table-wrap { overflow-x: auto; margin: 8px 0 14px; }
table { border-collapse: collapse; font-size: 13px; font-variant-numeric: tabular-nums; }
th, td { padding: 3px 8px; border-bottom: 1px solid #e6e6e6; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid #999; font-weight: 600; }
.n { text-align: right; } .w { color: #777; font-style: italic; }
tr.total th, tr.total td { font-weight: 700; background: #f6f6f6; }
table.wide-text td:nth-child(2) { max-width: 520px; }
details { margin: 8px 0 14px; } summary { cursor: pointer; color: var(--accent); font-weight: 600; }
.note { font-size: 13px; color: var(--muted); }
.caveat { background: #fff8e1; border-left: 4px solid #e0b000; padding: 8px 12px; }
.how { background: #f4f7fb; border-left: 4px solid #225ea8; padding: 6px 14px; font-size: 14px; }
.how ul { margin: 4px 0; padding-left: 20px; }
footer { margin-top: 40px; padding-bottom: 40px; border-top: 1px solid var(--rule); font-size: 13px; color: var(--muted); }
code { font-size: 13px; background: #f2f2f2; padding: 0 3px; }
@media print { nav, details > summary { display: none; } details { display: block; } h2 { break-before: page; } figure.chart, table { break-inside: avoid; } }
`

export function renderPage(
  data: ReportData,
  sections: Section[],
  charts: ReadonlyMap<string, DrawnChart>,
): string {
  const figure = (name: string) => {
    const c = charts.get(name)
    if (!c) throw new Error(`report: chart ${name} was not rendered`)
    const files = ['svg', 'png', 'vl.json'].map(
      (ext) =>
        `<a href="${esc(`${name}.${ext}`)}">${ext === 'vl.json' ? 'Vega-Lite' : ext.toUpperCase()}</a>`,
    )
    return `<figure class="chart" id="chart-${esc(name)}">${c.svg.replace(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" /, '<svg ')}<figcaption>${esc(c.def.description)} Download: ${files.join(' · ')}</figcaption></figure>`
  }
  const body = sections
    .map(
      (s) =>
        `<section id="${esc(s.id)}"><h2>${esc(s.title)}</h2>\n${s.parts
          .map((p) => (typeof p === 'string' ? p : figure(p.name)))
          .join('\n')}</section>`,
    )
    .join('\n')
  const scope = data.county ? `${data.county} County` : 'California'
  const title = `Prop 64 relief: impact and disparities, ${scope}`
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="referrer" content="no-referrer">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${esc(title)}</h1>
<p class="sub">Cannabis convictions in the DOJ extract and the relief each gets under HS 11361.8${data.policy === 'statute' ? '' : ` with the DA policy "${esc(data.policy)}"`}. Run <b>${esc(data.runId)}</b>, as of <b>${esc(data.asOf)}</b>. Numbers describing fewer than ${data.minCell} people are withheld.</p>
<nav aria-label="Sections"><ol>${sections.map((s) => `<li><a href="#${esc(s.id)}">${esc(s.title)}</a></li>`).join('')}</ol></nav>
</header>
<main>
${body}
</main>
<footer>
<p>Generated by ${esc(data.manifest.tool.name)} ${esc(data.manifest.tool.version)}${data.manifest.tool.commit ? ` (${esc(data.manifest.tool.commit)})` : ''} from run ${esc(data.runId)}. Population: 2020 Census via Dave's Redistricting (CC BY-SA 4.0). County boundaries: US Census Bureau cartographic boundaries via us-atlas. Not legal advice.</p>
</footer>
</body>
</html>
`
}
