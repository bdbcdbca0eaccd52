/** Headline numbers for the whole run, with what the run was. */
import type { CountyRow } from '../../../data-contracts/outputs/public-marts.contract.ts'
import { fmtInt } from '../../charts/labels.ts'
import { DETERMINATION_LABEL } from '../../charts/palette.ts'
import { esc, ROUNDED, WITHHELD } from '../html.ts'
import { martRows, withheldNote, type ReportData, type Section } from '../report-data.ts'

export function headlineSection(data: ReportData): Section {
  const total = martRows<CountyRow>(data, 'mart_relief_by_county').filter((r) => r.county === 'all')
  const get = (outcome: string) => total.find((r) => r.outcome === outcome)
  const figure = (n: number | null | undefined, suppressed?: boolean, rounded?: boolean) =>
    suppressed || n == null ? WITHHELD : `${rounded ? ROUNDED : ''}${fmtInt(n)}`
  const card = (label: string, outcome: string, lead: 'counts' | 'people') => {
    const r = get(outcome)
    const counts = figure(r?.counts ?? 0, r?.suppressed, r?.rounded)
    const people = figure(r?.people ?? 0, r?.suppressed, r?.rounded)
    const [big, small] = lead === 'counts' ? [counts, `${people} people`] : [people, `${counts} convictions`]
    return `<div class="card card-${esc(outcome)}"><div class="big">${esc(big)}</div><div class="label">${esc(label)}</div><div class="small">${esc(small)}</div></div>`
  }
  const relief = get('relief')
  const rate =
    relief && !relief.suppressed && relief.counts_per_100k != null
      ? `${relief.rounded ? ROUNDED : ''}${relief.counts_per_100k.toFixed(1)}`
      : WITHHELD
  const m = data.manifest
  const facts: [string, string][] = [
    ['Run id', data.runId],
    ['As-of date (sentence and age rules measured on)', data.asOf],
    ['Policy', data.policy === 'statute' ? 'statute (HS 11361.8 as written, no DA policy)' : data.policy],
    ['Counties', data.county ?? 'all counties in the extract'],
    [
      'Input rows',
      `${fmtInt(m.totals.rows_read)} read, ${fmtInt(m.totals.rows_loaded)} loaded, ${fmtInt(m.totals.rows_rejected)} rejected${m.totals.balanced ? '' : ' (ledger does not balance: see rejects.csv)'}`,
    ],
    ['Tool', `${m.tool.name} ${m.tool.version}${m.tool.commit ? ` (${m.tool.commit})` : ''}`],
  ]
  const anyWithheld = total.some((r) => r.suppressed)
  return {
    id: 'headline',
    title: 'Headline numbers',
    parts: [
      `<div class="cards">
${card('convictions decided', 'all', 'counts')}
${card(`${DETERMINATION_LABEL.dismiss.toLowerCase()}`, 'dismiss', 'counts')}
${card(`${DETERMINATION_LABEL.reduce.toLowerCase()}`, 'reduce', 'counts')}
${card('people granted relief on at least one count', 'relief', 'people')}
${card('needs review (a fact the data lacks)', 'review', 'counts')}
${card('not eligible', 'not_eligible', 'counts')}
<div class="card"><div class="big">${esc(rate)}</div><div class="label">convictions granted relief per 100,000 residents</div><div class="small">2020 Census, counties of the run</div></div>
</div>`,
      `<dl class="facts">${facts.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`,
      `<p>Relief means the count is dismissed (and sealed) or reduced (redesignated as a misdemeanor or infraction). A person is counted once however many of their counts are granted relief. Counts in review need a fact the DOJ extract does not carry (a quantity, a plant count, whether a transfer was a gift); they are neither granted nor refused.</p>`,
      ...(anyWithheld ? [`<p class="note">${esc(withheldNote(data.minCell))}</p>`] : []),
    ],
  }
}
