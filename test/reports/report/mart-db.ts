/**
 * A database holding only what the relief marts read: the reference seeds, run_params, an empty
 * ingest_rejects, and count_determinations built from hand-made (or random) count rows. Much faster than
 * a full run, so property tests can build many.
 */
import { openDb, type Db } from '../../../pipelines/lib/duckdb.ts'
import { lit } from '../../../sql/helpers/quote.ts'
import { REFERENCE_DIR } from '../../../pipelines/lib/paths.ts'
import { buildModels } from '../../../pipelines/run/build-models.ts'
import { MODELS } from '../../../sql/models.ts'
import type { ModelContext } from '../../../sql/model.ts'
import { RELATED_CHARGE_RULE_ID } from '../../../data-contracts/determinations.ts'
import { PUBLIC_MARTS } from '../../../reports/report/public-marts.ts'

export interface CountFixture {
  subject_id: string
  county: string | null
  conviction_year: number | null
  code_section: string
  conviction_level: string | null
  /** DOJ race code letter (mapped to race_group through ref_race_codes, as count_determinations does). */
  race_code: string | null
  gender: string | null
  age_at_conviction: number | null
  statute_determination: string
  determination: string
  rule_id?: string
  statute_rule_id?: string
}

const SEEDS = ['run_params', 'ref_counties', 'ref_race_codes', 'ref_county_population']

const sqlValue = (v: string | number | null | undefined) =>
  v == null ? 'null' : typeof v === 'number' ? String(v) : lit(v)

export async function martDb(
  counts: readonly CountFixture[],
  opts: { county?: string | null; policy?: string } = {},
): Promise<Db> {
  const db = await openDb(':memory:', { threads: 1 })
  const ctx: ModelContext = {
    rawSource: '',
    asOf: '2026-01-01',
    county: opts.county ?? null,
    policyName: opts.policy ?? 'statute',
    referenceDir: REFERENCE_DIR,
  }
  await buildModels(
    db,
    ctx,
    MODELS.filter((m) => SEEDS.includes(m.name)),
  )
  // What ingest leaves when nothing was rejected (the ingest_rejects model reads DuckDB's reject tables).
  await db.run(`create table ingest_rejects (file varchar, line bigint, reason varchar, raw_text varchar,
    subject_id varchar, subject_ids varchar[])`)
  await db.run(`create table fixture_counts (
    subject_id varchar, county varchar, conviction_year integer, code_section varchar, conviction_level varchar,
    race_code varchar, gender varchar, age_at_conviction integer, statute_determination varchar, determination varchar,
    rule_id varchar, statute_rule_id varchar)`)
  for (let i = 0; i < counts.length; i += 500) {
    const values = counts
      .slice(i, i + 500)
      .map((c) =>
        [
          c.subject_id,
          c.county,
          c.conviction_year,
          c.code_section,
          c.conviction_level,
          c.race_code,
          c.gender,
          c.age_at_conviction,
          c.statute_determination,
          c.determination,
          c.rule_id ?? `RULE-${c.determination}`,
          c.statute_rule_id ?? `RULE-${c.statute_determination}`,
        ]
          .map(sqlValue)
          .join(', '),
      )
    if (values.length)
      await db.run(`insert into fixture_counts values ${values.map((v) => `(${v})`).join(', ')}`)
  }
  await db.run(`create table count_determinations as
    select f.*, row_number() over (order by subject_id) as cnt_order,
      case when conviction_year is null then null else printf('%d-06-15', conviction_year) end as conviction_date,
      'reason of ' || rule_id as reason,
      coalesce(r.population_group, 'unknown') as race_group,
      f.statute_rule_id = ${lit(RELATED_CHARGE_RULE_ID)} as is_related
    from fixture_counts f left join ref_race_codes r using (race_code)`)
  // The marts the report publishes (the fixture's count_determinations has only the columns they read).
  const published = new Set([...PUBLIC_MARTS.map((m) => m.name), 'mart_public_data_quality'])
  await buildModels(
    db,
    ctx,
    MODELS.filter((m) => published.has(m.name)),
  )
  return db
}

const COUNTIES = [
  'LOS ANGELES',
  'SAN DIEGO',
  'ORANGE',
  'RIVERSIDE',
  'SAN BERNARDINO',
  'SANTA CLARA',
  'ALAMEDA',
  'SACRAMENTO',
  'SAN FRANCISCO',
  'FRESNO',
  'KERN',
  'VENTURA',
  'SAN JOAQUIN',
  'CONTRA COSTA',
  'HUMBOLDT',
  'MENDOCINO',
  'YOLO',
  'ALPINE',
]
const SECTIONS = ['HS 11357', 'HS 11357(B)', 'HS 11358', 'HS 11359', 'HS 11359', 'HS 11360(A)']

/** A deterministic statewide-looking fixture: n people, big counties first, about 1.3 counts each. */
export function syntheticCounts(n: number): CountFixture[] {
  let seed = 12345
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
  const pick = <T>(xs: readonly T[], skew = 1) => xs[Math.floor(rand() ** skew * xs.length)]!
  return Array.from({ length: n }, (_, i) => {
    const race = pick(['W', 'W', 'H', 'H', 'B', 'B', 'A', 'O', 'X'])
    const gender = rand() < 0.85 ? 'M' : 'F'
    const k = rand() < 0.25 ? 2 : 1
    return Array.from({ length: k }, () => {
      const statute = pick(['reduce', 'reduce', 'reduce', 'dismiss', 'review', 'not_eligible'])
      return {
        subject_id: String(100000 + i),
        county: pick(COUNTIES, 2.2),
        conviction_year: 1975 + Math.floor(rand() * 45),
        code_section: pick(SECTIONS),
        conviction_level: rand() < 0.8 ? 'felony' : 'misdemeanor',
        race_code: race,
        gender,
        age_at_conviction: 16 + Math.floor(rand() * 50),
        statute_determination: statute,
        determination: statute === 'reduce' && rand() < 0.3 ? 'dismiss' : statute,
        rule_id: statute === 'review' ? pick(['P64-DQ-03', 'P64-11360-MISD', 'P64-11357-NOSUB']) : undefined,
      }
    })
  }).flat()
}
