/**
 * Demographics: race and ethnicity, gender and age band at conviction, each as counts, as shares of relief
 * against shares of population (or of those in scope), and as disparity ratios, each with how it is computed.
 */
import type { DemographicsRow, PopulationRow } from '../../../data-contracts/outputs/public-marts.contract.ts'
import { DIMENSIONS, fmtInt, fmtPct, fmtRatio, type Dimension } from '../../charts/labels.ts'
import { DETERMINATION_ORDER } from '../../charts/palette.ts'
import { groupCounts } from '../../charts/group-counts.ts'
import { groupShares } from '../../charts/group-shares.ts'
import { groupRatios } from '../../charts/group-ratios.ts'
import { disparityRows, type DisparityRow } from '../disparity.ts'
import { details, esc, na, num, table, txt, type CellValue } from '../html.ts'
import { martRows, martTable, withheldNote, type ReportData, type Section } from '../report-data.ts'

const share = (x: number) => fmtPct(x)
const ratio = (x: number) => fmtRatio(x)

function howComputed(dimension: Dimension, minCell: number): string {
  const spec = DIMENSIONS[dimension]
  const unit = spec.unit === 'people' ? 'people' : 'convictions'
  const items =
    dimension === 'race_group'
      ? [
          `<b>Share of relief</b>: people of the group granted relief on at least one count ÷ all people granted relief (people of unknown race included in the total).`,
          `<b>Share of population</b>: the group's adults (18 and over) in the 2020 Census ÷ all adults, summed over the counties of the run.`,
          `<b>Disparity ratio (shares)</b>: share of relief ÷ share of population. 1 means the group's share of relief equals its share of adults; 3 means three times its share.`,
          `<b>Rate ratio</b>: people of the group granted relief per 100,000 adults of the group ÷ the same rate for non-Hispanic white adults. It equals the ratio of the two groups' disparity ratios.`,
          `<b>Relief ratio among those in scope</b>: share of relief ÷ share of people with an in-scope conviction, i.e. the group's relief rate over everyone's. Below 1, fewer of the group's convicted people get relief than average.`,
        ]
      : [
          `<b>Share of relief</b>: ${unit} of the group granted relief ÷ all ${unit} granted relief.`,
          `<b>Share in scope</b>: ${unit} of the group with an in-scope conviction ÷ all ${unit} in scope.`,
          `<b>Disparity ratio</b>: share of relief ÷ share in scope, i.e. the group's relief rate over the overall rate. The population table has no ${dimension === 'gender' ? 'gender' : 'age'} breakdown, so the comparison is with those convicted, not with residents.`,
          ...(dimension === 'age_band'
            ? [
                `Age is counted per conviction (age on the conviction date), so a person convicted at 20 and at 30 counts once in each band.`,
              ]
            : []),
        ]
  return `<div class="how"><p><b>How these are computed.</b></p><ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul><p>A share or ratio whose numerator or denominator is withheld (fewer than ${minCell} people) is not shown.</p></div>`
}

function disparityTable(rows: DisparityRow[], dimension: Dimension): string {
  const spec = DIMENSIONS[dimension]
  const unit = spec.unit === 'people' ? 'People' : 'Convictions'
  const race = dimension === 'race_group'
  const head = [
    'Group',
    `${unit} in scope`,
    `${unit} granted relief`,
    'Relief rate',
    'Share in scope',
    'Share of relief',
    ...(race
      ? [
          'Share of adults',
          'Share of relief ÷ share of adults',
          'Relief per 100,000 adults',
          'Rate ÷ white, not Hispanic',
        ]
      : []),
    'Share of relief ÷ share in scope',
  ]
  const body: CellValue[][] = rows.map((r) => [
    txt(spec.label(r.group)),
    num(r.in_scope, fmtInt),
    num(r.relief, fmtInt),
    num(r.relief_rate, share),
    num(r.share_in_scope, share),
    num(r.share_relief, share),
    ...(race
      ? r.group === 'unknown'
        ? [na(), na(), na(), na()]
        : [
            num(r.share_population, share),
            num(r.ratio_to_population, ratio),
            num(r.rate_per_100k_adults, (n) => n.toFixed(1)),
            num(r.rate_ratio_to_reference, ratio),
          ]
      : []),
    num(r.ratio_to_in_scope, ratio),
  ])
  return table({ head, rows: body })
}

function countsTable(rows: DemographicsRow[], dimension: Dimension): string {
  const spec = DIMENSIONS[dimension]
  const others = (['race_group', 'gender', 'age_band'] as const).filter((d) => d !== dimension)
  const margin = rows.filter((r) => others.every((d) => r[d] === 'all'))
  const groups = [...new Set(margin.map((r) => r[dimension]))]
  const outcomes = ['all', ...DETERMINATION_ORDER, 'relief']
  const cell = (g: string, o: string): CellValue => {
    const c = margin.find((r) => r[dimension] === g && r.outcome === o)
    return c ? num(c.counts, fmtInt, c.suppressed, c.rounded) : num(0, fmtInt)
  }
  const people = (g: string, o: string): CellValue => {
    const c = margin.find((r) => r[dimension] === g && r.outcome === o)
    return c ? num(c.people, fmtInt, c.suppressed, c.rounded) : num(0, fmtInt)
  }
  return table({
    head: [
      'Group',
      'Convictions decided',
      'Dismiss',
      'Reduce',
      'Review',
      'Not eligible',
      'Granted relief',
      'People in scope',
      'People granted relief',
    ],
    rows: groups.map((g) => [
      txt(g === 'all' ? 'Everyone' : spec.label(g)),
      ...outcomes.map((o) => cell(g, o)),
      people(g, 'all'),
      people(g, 'relief'),
    ]),
    totalRows: [0],
  })
}

export function demographicsSection(data: ReportData): Section {
  const demo = martRows<DemographicsRow>(data, 'mart_relief_by_demographics')
  const population = martRows<PopulationRow>(data, 'mart_relief_population')
  const tableArrow = martTable(data, 'mart_relief_by_demographics')
  const parts: Section['parts'] = [
    `<p>Who gets relief mirrors who was convicted. Cannabis enforcement in California fell far more on Black residents: per-capita marijuana arrest rates for Black Californians ran several times the white rate for decades, and in Los Angeles the people whose cannabis convictions were cleared in 2020 were 32% Black in a county about 8% Black. So a group's share of relief is compared two ways: with its share of the adult population (how the burden of the old law falls, and how relief repairs it) and with its share of the people convicted (whether relief is granted evenly among those with a record, since priors and review rules can fall unevenly).</p>`,
    `<p class="caveat"><b>Hispanic people are under-counted.</b> DOJ records one race letter per person, often from an officer's observation, and many Hispanic people are recorded as white (W). The Census counts Hispanic people of any race. Figures for Hispanic people are therefore too low, figures for white people too high, and every ratio against white people is understated. Race codes map to Census groups as documented in data-contracts/reference/race-codes.csv.</p>`,
  ]
  const blocks: { dimension: Dimension; heading: string }[] = [
    { dimension: 'race_group', heading: 'Race and ethnicity' },
    { dimension: 'gender', heading: 'Gender' },
    { dimension: 'age_band', heading: 'Age at conviction' },
  ]
  for (const { dimension, heading } of blocks) {
    const rows = disparityRows(demo, dimension, population)
    parts.push(
      `<h3 id="demographics-${esc(dimension.replace('_', '-'))}">${esc(heading)}</h3>`,
      groupCounts(tableArrow, dimension, data.ctx),
      groupShares(rows, dimension, data.ctx),
      groupRatios(rows, dimension, data.ctx),
      howComputed(dimension, data.minCell),
      details(
        `Table: shares and disparity ratios by ${DIMENSIONS[dimension].noun}`,
        disparityTable(rows, dimension),
        true,
      ),
      details(
        `Table: convictions by ${DIMENSIONS[dimension].noun} and determination`,
        countsTable(demo, dimension),
      ),
    )
  }
  if (demo.some((r) => r.suppressed)) parts.push(`<p class="note">${esc(withheldNote(data.minCell))}</p>`)
  parts.push(
    details(
      'The three-way table (race × gender × age band)',
      `<p>Published in full as public/marts/mart_relief_by_demographics.csv (and .parquet, .arrow); most of its cells are small and withheld.</p>`,
    ),
  )
  return { id: 'demographics', title: 'Demographics', parts }
}
