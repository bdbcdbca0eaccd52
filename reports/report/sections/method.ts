/** About the numbers: suppression, denominators and their source, the race mapping, the files beside the report. */
import { esc } from '../html.ts'
import type { ReportData, Section } from '../report-data.ts'

export function methodSection(data: ReportData, martFiles: string[], chartNames: string[]): Section {
  const link = (href: string) => `<a href="${esc(href)}">${esc(href.split('/').pop()!)}</a>`
  return {
    id: 'method',
    title: 'About these numbers',
    parts: [
      `<ul class="method">
<li><b>Unit.</b> A conviction is one count of one case (DOJ's CNT_ORDER). People are distinct SUBJECT_IDs. Every number is computed in SQL from count_determinations of this run; the queries are the mart_* models (<code>npx relief models</code> prints them).</li>
<li><b>Small cells.</b> Any number describing fewer than ${data.minCell} people is withheld in this page, its charts and the public CSV, Parquet and Arrow files, and marked (s). Where a withheld number could be worked out by subtracting from a published total, a second number is withheld too, the one hiding the fewest people; a number describing 100 people or more, or a statewide figure, is never withheld for that: it is rounded to the nearest 10 instead (<code>rounded</code> is true in the files). Zero is shown: it describes no one. The threshold is set by <code>relief report --min-cell N</code> (default in reports/suppression/min-cell.ts; the rule in docs/data-handling.md).</li>
<li><b>Population.</b> 2020 Census (PL 94-171, tables P2 and P4) per county, as summed by Dave's Redistricting (CC BY-SA 4.0); residents of all ages for county rates, adults 18+ for group rates, summed over the counties of the run. The reference table has no breakdown by gender or age band.</li>
<li><b>Race and ethnicity.</b> DOJ's one-letter race codes map to five Census groups (Hispanic of any race; non-Hispanic white, Black, Asian, and other or multiracial); code X and missing codes are "unknown". DOJ under-counts Hispanic people, so their figures are lower bounds and ratios against white people are understated.</li>
<li><b>What relief means here.</b> The determination is this tool's reading of HS 11361.8 (and of the DA policy, if one was applied) on the data DOJ holds; the court decides. Nothing here is legal advice.</li>
</ul>`,
      `<p><b>Files beside this report</b> (all suppressed): marts ${martFiles.map((f) => link(`../marts/${f}`)).join(', ')}. Every chart as SVG, PNG and a Vega-Lite spec with its data (open the .vl.json in the Vega editor): ${chartNames.map((n) => `${esc(n)} (${link(`${n}.svg`)}, ${link(`${n}.png`)}, ${link(`${n}.vl.json`)})`).join('; ')}.</p>`,
    ],
  }
}
