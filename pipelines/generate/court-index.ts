/**
 * A synthetic court case index for the people of a generated DOJ extract, with a known truth: which court
 * convictions the DOJ side lacks, which DOJ counts the court side lacks, and which pairs disagree. The DOJ
 * file is read by the pipeline's own models (raw → staging → convictions), so "the same conviction" means
 * exactly what the run will see. Shares and formats: data-contracts/synthetic-generator.md, "Court case index".
 */
import { basename, dirname, join } from 'node:path'
import { openDb, type Db } from '../lib/duckdb.ts'
import { withInsertionOrder } from '../export/insertion-order.ts'
import { lit } from '../../sql/helpers/quote.ts'
import { REFERENCE_DIR } from '../lib/paths.ts'
import { inspectFile } from '../ingest/inspect-file.ts'
import { rawSourceSql } from '../ingest/raw-source.ts'
import { buildModels } from '../run/build-models.ts'
import { MODELS } from '../../sql/models.ts'
import { PROP64_SECTIONS } from '../../sql/intermediate/int_prop64_counts.ts'
import { COURT_INDEX_COLUMN_NAMES } from '../../data-contracts/court-index.contract.ts'
import { NAME_LISTS } from './names.ts'

/** Documented shares (data-contracts/synthetic-generator.md). */
export const COURT_INDEX_SHARES = {
  /** Cannabis cases of the extract the court index leaves out: their counts are DOJ-only. */
  omittedCase: 0.08,
  /** Cases the court numbers its own way: matched by name + DOB only. */
  renumberedCase: 0.03,
  /** Cases whose identical DOJ counts (same section, level and date) the court records as one charge. */
  collapsedCase: 0.3,
  /** Matched cannabis counts whose level the court records differently. */
  levelDisagrees: 0.02,
  /** Matched cannabis counts whose disposition date the court records one day later. */
  dateDisagrees: 0.01,
  /** Matched cases where the court has an extra HS 11357(B) count the DOJ lacks. */
  extraCount: 0.01,
  /** DOJ people with a cannabis case that only the court index has. */
  courtOnlyCase: 0.1,
  /** People the DOJ extract does not know at all, per DOJ subject, each with one court-only case. */
  newPerson: 0.01,
} as const

export interface CourtIndexResult {
  out: string
  truth: string
  rows: number
  courtOnly: number
  dojOnly: number
  mismatches: number
}

/** court.csv → court.truth.csv beside it. */
export const truthPath = (out: string): string =>
  join(dirname(out), `${basename(out).replace(/\.csv$/i, '')}.truth.csv`)

const P64 = PROP64_SECTIONS.map(lit).join(', ')

export async function generateCourtIndex(o: {
  doj: string
  out: string
  seed: number
  threads?: number
  /**
   * A finished run's database over this same extract: its int_convictions and int_subjects are read (attached
   * read-only) instead of built again, which is most of the time this takes. Same rows either way.
   */
  runDb?: string
  /**
   * Or a connection to a run that is still open (the demo draws the index while the run's other outputs are
   * written): the same tables are read through it, and its own working tables are temporary.
   */
  runCon?: Db
}): Promise<CourtIndexResult> {
  const db = o.runCon ?? (await openDb(':memory:', { threads: o.threads ?? 2 }))
  const S = COURT_INDEX_SHARES
  // The working tables made so far, dropped at the end when they live on the run's connection.
  const made: string[] = []
  // A uniform draw in [0, 1) from a text key and a salt: stable across runs and threads.
  const u = (key: string, salt: number) => `((hash(${key} || '|${salt}|${o.seed}') % 1000000) / 1000000.0)`
  const title = (col: string) =>
    `array_to_string(list_transform(string_split(lower(${col}), ' '), w -> upper(left(w, 1)) || substr(w, 2)), ' ')`
  const fmtDate = (col: string, key: string, salt: number) =>
    `case when ${u(key, salt)} < 0.5 then strftime(${col}, '%Y%m%d') else strftime(${col}, '%Y-%m-%d') end`
  try {
    const ctx = {
      rawSource: rawSourceSql([inspectFile(o.doj)]),
      asOf: '2026-01-01',
      county: null,
      policyName: 'statute',
      referenceDir: REFERENCE_DIR,
    }
    // Through a run's connection (runCon) the models are its own tables; else they are attached or built here.
    if (!o.runCon && o.runDb) {
      // Its tables (the models and the reference seeds) are found by name; new tables go to memory.
      await db.run(`attach ${lit(o.runDb)} as run (read_only)`)
      await db.run(`set search_path = 'memory.main,run.main'`)
    } else if (!o.runCon) {
      const upTo = MODELS.findIndex((m) => m.name === 'int_subjects')
      await buildModels(db, ctx, MODELS.slice(0, upTo + 1))
    }
    const statements = [
      `create or replace temp table g_counts as
       select c.subject_id, c.cnt_order, c.county, c.court, c.case_number, c.code_section, c.base_section,
         c.conviction_level, c.conviction_date, c.offense_date, c.sentence_text, c.is_attempt, c.is_conspiracy,
         s.name, s.dob, coalesce(c.code_type = 'HS' and c.section in (${P64}), false) as is_cannabis
       from int_convictions c join int_subjects s using (subject_id)
       where c.case_number is not null and c.county is not null`,
      // Cases with a cannabis conviction: the court index is the court's search for cannabis cases.
      `create or replace temp table g_cases as
       with cases as (
         select subject_id, county, case_number, min(conviction_date) as day,
           bool_and(conviction_date is not null) and any_value(dob) is not null and any_value(name) is not null as matchable,
           count(*) > count(distinct code_section) as repeats_section,
           bool_or(base_section = 'HS 11357') as has_11357
         from g_counts group by all having bool_or(is_cannabis)
       ),
       gaps as (
         select *, least(
           abs(date_diff('day', day, lag(day) over (partition by subject_id order by day, case_number))),
           abs(date_diff('day', day, lead(day) over (partition by subject_id order by day, case_number)))) as gap
         from cases
       )
       select *, case
           when ${u('case_number', 1)} < ${S.omittedCase} then 'omitted'
           when ${u('case_number', 1)} < ${S.omittedCase + S.renumberedCase} and matchable and coalesce(gap, 9999) > 120
             then 'renumbered'
           when repeats_section and ${u('case_number', 2)} < ${S.collapsedCase} then 'collapsed'
           else 'kept'
         end as fate,
         ${u('case_number', 3)} as fmt
       from gaps`,
      `create or replace temp table g_rows as
       select c.*, k.fate,
         case
           when k.fate = 'renumbered' then 'GR-' || substr(c.case_number, 5) || '-' || left(c.case_number, 2)
           when k.fmt < 0.3 then regexp_replace(c.case_number, '^([0-9]{2})([A-Z]+)([0-9]+)$', '\\1-\\2-\\3')
           when k.fmt < 0.45 then lower(regexp_replace(c.case_number, '^([0-9]{2}[A-Z]+)', '\\1 '))
           when k.fmt < 0.55 then '0' || c.case_number
           else c.case_number
         end as court_case_number,
         case when k.fate = 'kept' and not k.repeats_section and c.is_cannabis and c.conviction_level is not null
              and ${u('c.subject_id || c.cnt_order', 4)} < ${S.levelDisagrees} then 'level'
              when k.fate = 'kept' and not k.repeats_section and c.is_cannabis and c.conviction_date is not null
              and ${u('c.subject_id || c.cnt_order', 4)} >= ${S.levelDisagrees}
              and ${u('c.subject_id || c.cnt_order', 4)} < ${S.levelDisagrees + S.dateDisagrees} then 'date'
         end as disagrees
       from g_counts c join g_cases k using (subject_id, county, case_number)
       where k.fate <> 'omitted'
       qualify k.fate <> 'collapsed' or row_number() over (partition by c.subject_id, c.case_number, c.code_section, c.conviction_level,
         c.conviction_date order by c.cnt_order) = 1`,
      // The court's extra count in a case the DOJ has: HS 11357(B), same day.
      `create or replace temp table g_extra as
       select r.* replace ('HS 11357(B)' as code_section, 'HS 11357' as base_section, 'misdemeanor' as conviction_level,
         true as is_cannabis, null as disagrees, 'extra' as fate, r.cnt_order || 'X' as cnt_order,
         false as is_attempt, false as is_conspiracy)
       from g_rows r join g_cases k using (subject_id, county, case_number)
       where k.fate = 'kept' and not k.has_11357 and r.is_cannabis and ${u('r.case_number', 5)} < ${S.extraCount}
       qualify row_number() over (partition by r.subject_id, r.case_number order by r.cnt_order) = 1`,
      // Cases only the court has, for DOJ people (kept clear of their DOJ cases so no match is ambiguous)
      // and for people the DOJ does not know.
      `create or replace temp table g_sections as select * from (values
         (0, 'HS 11357(B)', 'misdemeanor'), (1, 'HS 11359', 'felony'), (2, 'HS 11360(A)', 'felony'),
         (3, 'HS 11358', 'felony'), (4, 'HS 11357(A)', 'misdemeanor'), (5, 'HS 11359', 'misdemeanor')) t(i, code_section, level)`,
      `create or replace temp table g_new as
       with doj_people as (
         select subject_id, name, dob, first_conviction_county as county, subject_id as key from int_subjects
         where dob is not null and name is not null and first_conviction_county is not null
           and ${u('subject_id', 6)} < ${S.courtOnlyCase}
       ),
       counties as (select county, row_number() over (order by county) - 1 as i from ref_counties),
       names as (
         select i, string_split(${lit(NAME_LISTS.surnames.join('|'))}, '|')[1 + (hash(i || 's${o.seed}') % ${NAME_LISTS.surnames.length})::int]
           || ',' || string_split(${lit(NAME_LISTS.firstNames.join('|'))}, '|')[1 + (hash(i || 'f${o.seed}') % ${NAME_LISTS.firstNames.length})::int] as name
         from range(cast((select count(*) from int_subjects) * ${S.newPerson} as bigint)) r(i)
       ),
       new_people as (
         select null::varchar as subject_id, n.name,
           date '1940-01-01' + (hash(n.i || 'd${o.seed}') % 18000)::int as dob,
           c.county, 'N' || n.i::varchar as key
         from names n join counties c on c.i = hash(n.i || 'c${o.seed}') % 58
       ),
       people as (
         select * from doj_people
         union all
         select p.* from new_people p
         where not exists (select 1 from int_subjects s where s.dob = p.dob and s.name = p.name)
       ),
       drawn as (
         select p.*, s.code_section, s.level,
           p.dob + (18 * 365 + hash(p.key || 'a${o.seed}') % (22 * 365))::int as offense_date
         from people p join g_sections s on s.i = hash(p.key || 'k${o.seed}') % 6
       )
       select d.*, d.offense_date + (20 + hash(d.key || 'w${o.seed}') % 200)::int as conviction_date,
         case when d.subject_id is null then 'GN-' || substr(d.key, 2) else 'GC-' || d.subject_id end as court_case_number
       from drawn d
       where d.offense_date < date '2016-06-01'
         and not exists (select 1 from g_counts c where c.subject_id = d.subject_id
                         and abs(date_diff('day', c.conviction_date, d.offense_date)) < 400)`,
      `create or replace temp table g_index as
       with charges as (
         select subject_id, county, court, court_case_number, name, dob, code_section, is_attempt, is_conspiracy,
           case when disagrees = 'level' then
             case conviction_level when 'felony' then 'misdemeanor' when 'misdemeanor' then 'felony' else 'misdemeanor' end
             else conviction_level end as level,
           case when disagrees = 'date' then conviction_date + 1 else conviction_date end as disposition_date,
           offense_date, sentence_text, case_number as key
         from g_rows
         union all
         select subject_id, county, court, court_case_number, name, dob, code_section, is_attempt, is_conspiracy,
           conviction_level, conviction_date, offense_date, null, case_number from g_extra
         union all
         select subject_id, county, 'CASC ' || county, court_case_number, name, dob, code_section, false, false,
           level, conviction_date, offense_date, null, key from g_new
       )
       select
         court_case_number,
         replace(coalesce(court, 'CASC ' || county), 'CASC ', 'Superior Court ') as court,
         case when ${u('key', 7)} < 0.5 then county else ${title('county')} end as county,
         case
           when ${u('key', 8)} < 0.4 or name not like '%,%' then name
           when ${u('key', 8)} < 0.7 or split_part(name, ',', 1) like '% %' then
             ${title("split_part(name, ',', 1)")} || ', ' || ${title("split_part(name, ',', 2)")}
           else split_part(name, ',', 2) || ' ' || split_part(name, ',', 1)
         end as defendant_name,
         ${fmtDate('dob', 'key', 9)} as dob,
         case when ${u('key || code_section', 10)} < 0.5
           then case when is_attempt then '664/' when is_conspiracy then '182/' else '' end
             || split_part(code_section, ' ', 2) || ' ' || split_part(code_section, ' ', 1)
           else split_part(code_section, ' ', 1) || ' '
             || case when is_attempt then '664/' when is_conspiracy then '182/' else '' end
             || lower(split_part(code_section, ' ', 2))
         end as charge_section,
         case level when 'felony' then 'F' when 'misdemeanor' then 'M' when 'infraction' then 'I' end as charge_level,
         case when ${u('key || code_section', 11)} < 0.3 then 'CONVICTED - PLEA' else 'CONVICTED' end as disposition,
         ${fmtDate('disposition_date', 'key', 12)} as disposition_date,
         ${fmtDate('offense_date', 'key', 13)} as offense_date,
         sentence_text as sentence
       from charges`,
      `create or replace temp table g_truth as
       select 'court_only' as kind, county, court_case_number, subject_id, null::varchar as cnt_order, code_section,
         null::varchar as field
       from (select county, court_case_number, subject_id, code_section from g_extra
             union all select county, court_case_number, subject_id, code_section from g_new)
       union all
       select 'doj_only', c.county, c.case_number, c.subject_id, c.cnt_order, c.code_section, null
       from g_counts c join g_cases k using (subject_id, county, case_number)
       where k.fate = 'omitted' and c.is_cannabis
       union all
       select 'mismatch', county, case_number, subject_id, cnt_order, code_section, disagrees
       from g_rows where disagrees is not null`,
    ]
    for (const s of statements) {
      await db.run(s)
      made.push(/temp table (\w+)/.exec(s)![1]!)
    }
    // Ordered on every column (the first keys first), so the bytes are the same on any thread count and
    // whatever else runs beside it.
    const truth = truthPath(o.out)
    const rest = (first: string[], all: readonly string[]) => [
      ...first,
      ...all.filter((c) => !first.includes(c)),
    ]
    await withInsertionOrder(db, async () => {
      await db.run(
        `copy (select ${COURT_INDEX_COLUMN_NAMES.join(', ')} from g_index
         order by ${rest(['court_case_number', 'charge_section', 'disposition_date'], COURT_INDEX_COLUMN_NAMES).join(', ')})
         to ${lit(o.out)} (format csv, header true)`,
      )
      await db.run(
        `copy (select * from g_truth order by kind, county, court_case_number, subject_id, cnt_order, code_section, field)
         to ${lit(truth)} (format csv, header true)`,
      )
    })
    const n = async (q: string) => Number(await db.scalar(q))
    return {
      out: o.out,
      truth,
      rows: await n(`select count(*) from g_index`),
      courtOnly: await n(`select count(*) from g_truth where kind = 'court_only'`),
      dojOnly: await n(`select count(*) from g_truth where kind = 'doj_only'`),
      mismatches: await n(`select count(*) from g_truth where kind = 'mismatch'`),
    }
  } finally {
    if (o.runCon) for (const t of made) await db.run(`drop table if exists ${t}`)
    else db.close()
  }
}
