/**
 * The people and their histories, set-based: `subj` (one row per person), `cyc` (arrest cycles, ordered by
 * date) and `cnt` (charges per cycle with their court outcome and sentence pattern). Every draw is
 * h(entity key, salt): subject key sid, cycle key ck = sid*16 + k, count key nk = ck*16 + j.
 */
import { listLit } from './sql-helpers.ts'
import { FIRST_FEMALE, FIRST_MALE, SURNAMES_ASIAN, SURNAMES_GENERAL, SURNAMES_HISPANIC } from './names.ts'
import { ARREST_ONLY_DISPOSITIONS, DISMISSED, NON_CONVICTIONS } from './offenses.ts'
import * as P from './parameters.ts'
import {
  BITS,
  GROUP_ID,
  NON_CANNABIS_KEY_BASE,
  SENTENCE_CLASS_ID,
  codeEraSql,
  familyEraSql,
} from './reference-tables.ts'
import { dateLit } from './sql-helpers.ts'

/** CASE over a uniform column: value i when u falls in its cumulative weight band. */
export function weightedCase(uCol: string, pairs: readonly (readonly [string | number, number])[]): string {
  const sql = (v: string | number) => (typeof v === 'number' ? String(v) : `'${v}'`)
  if (pairs.length === 1) return sql(pairs[0]![0])
  const total = pairs.reduce((s, p) => s + p[1], 0)
  let acc = 0
  const whens = pairs.slice(0, -1).map(([v, w]) => {
    acc += w
    return `WHEN ${uCol} < ${acc / total} THEN ${sql(v)}`
  })
  return `CASE ${whens.join(' ')} ELSE ${sql(pairs[pairs.length - 1]![0])} END`
}

/** Age (years) drawn from bands: lo + uniform integer within the band. */
function ageCase(uCol: string, k: string, bands: readonly (readonly [number, number, number])[]): string {
  const total = bands.reduce((s, b) => s + b[2], 0)
  let acc = 0
  const whens = bands.map(([lo, hi, w], i) => {
    acc += w
    const v = `ri(${k}, 5, ${lo}, ${hi})`
    return i < bands.length - 1 ? `WHEN ${uCol} < ${acc / total} THEN ${v}` : `ELSE ${v}`
  })
  return `CASE ${whens.join(' ')} END`
}

const d = dateLit
const raceGroupCodes = (g: keyof typeof P.RACE_CODES_BY_GROUP) => weightedCase('u_rc', P.RACE_CODES_BY_GROUP[g])
const plusYears = (date: string, years: number) => `CAST(${date} + to_years(${years}) AS DATE)`

export function subjectSql(subjects: number, seed: number): string {
  const raceDescr = Object.entries(P.RACE_DESCR)
    .map(([c, t]) => `WHEN '${c}' THEN '${t}'`)
    .join(' ')
  return `CREATE OR REPLACE TABLE subj AS
WITH s0 AS (
  SELECT i AS sid, hb(i, 1, ${BITS.county}) AS b_county, hb(i, 2, ${BITS.year}) AS b_year,
    hb(i, 8, ${BITS.race}) AS b_race, hb(i, 10, ${BITS.family}) AS b_fam
  FROM range(${subjects}) t(i)
), s1 AS (
  SELECT s0.*, pc.item AS home, py.item AS yr
  FROM s0
  JOIN pick_county pc ON pc.pk = 0 AND pc.bucket = s0.b_county
  JOIN pick_year py ON py.pk = 0 AND py.bucket = s0.b_year
), s2 AS (
  SELECT *, make_date(yr, 1, 1) + CAST(ri(sid, 3, 0, 364) AS INTEGER) AS anchor, u(sid, 4) AS u_age,
    u(sid, 7) AS u_male, u(sid, 9) AS u_rc, u(sid, 11) AS u_xc, u(sid, 12) AS u_oc, u(sid, 16) AS u_dob
  FROM s1
), s3 AS (
  SELECT s2.*,
    CASE WHEN anchor < DATE '2014-01-01' THEN ${ageCase('u_age', 'sid', P.AGE_BANDS_BEFORE_2014)}
         ELSE ${ageCase('u_age', 'sid', P.AGE_BANDS_FROM_2014)} END AS age0,
    CASE WHEN u_male < (CASE WHEN anchor < DATE '2011-01-01' THEN ${P.MALE_SHARE_BEFORE_2011} ELSE ${P.MALE_SHARE_FROM_2011} END)
         THEN 'M' ELSE 'F' END AS gender,
    pr.item AS race_group, pf.item AS fam0
  FROM (SELECT s2.*, c.north, (${familyEraSql('anchor')}) * 2 + CAST(c.north AS INTEGER) AS fam_key
        FROM s2 JOIN county c ON c.cci = s2.home) s2
  JOIN pick_race pr ON pr.pk = s2.home AND pr.bucket = s2.b_race
  JOIN pick_fam pf ON pf.pk = s2.fam_key AND pf.bucket = s2.b_fam
), s4 AS (
  SELECT *,
    CAST(anchor - to_years(CAST(age0 AS INTEGER)) - to_days(CAST(ri(sid, 6, 0, 364) AS INTEGER)) AS DATE) AS dob,
    CASE race_group WHEN 0 THEN ${raceGroupCodes('W')} WHEN 1 THEN ${raceGroupCodes('H')}
      WHEN 2 THEN ${raceGroupCodes('B')} WHEN 3 THEN ${raceGroupCodes('A')} ELSE ${raceGroupCodes('O')} END AS race_code
  FROM s3
)
SELECT sid, home, anchor, dob, gender, race_group, race_code, fam0,
  CASE race_code ${raceDescr} END AS race_descr,
  CAST(${weightedCase('u_xc', P.EXTRA_CANNABIS_CYCLES)} AS INTEGER) AS n_xc,
  CAST(${weightedCase('u_oc', P.OTHER_CYCLES)} AS INTEGER) AS n_oc,
  u(sid, 13) < ${P.SUPER_STRIKE_SHARE} AS has_ss,
  u(sid, 14) < ${P.SEX_OFFENSE_SHARE} AS has_sx,
  u(sid, 15) < ${P.DECEASED_SHARE} AS deceased,
  format('{:08d}', (sid * 48271 + 1234567) % 90000000 + 10000000) AS subject_id,
  CAST((sid * 7919 + ${seed % 1000003} * 104729) % 900000000 + 10000000 AS VARCHAR) AS cii,
  CASE race_group
    WHEN 1 THEN ${listLit(SURNAMES_HISPANIC)}[ri(sid, 20, 1, ${SURNAMES_HISPANIC.length})]
    WHEN 3 THEN ${listLit(SURNAMES_ASIAN)}[ri(sid, 20, 1, ${SURNAMES_ASIAN.length})]
    ELSE ${listLit(SURNAMES_GENERAL)}[ri(sid, 20, 1, ${SURNAMES_GENERAL.length})] END
  || ',' ||
  CASE gender WHEN 'M' THEN ${listLit(FIRST_MALE)}[ri(sid, 21, 1, ${FIRST_MALE.length})]
    ELSE ${listLit(FIRST_FEMALE)}[ri(sid, 21, 1, ${FIRST_FEMALE.length})] END
  || CASE WHEN u(sid, 22) < 0.7 THEN ' ' || chr(CAST(ri(sid, 23, 65, 90) AS INTEGER)) ELSE '' END AS pri_name,
  -- malformed-but-loadable DOBs (impossible month/day) and blank ones, so rules have review cases
  CASE WHEN u_dob < ${P.BAD_DOB_SHARE}
         THEN strftime(dob, '%Y') || ['1345', '0230', '0000'][ri(sid, 17, 1, 3)]
       WHEN u_dob < ${P.BAD_DOB_SHARE + P.BLANK_DOB_SHARE} THEN NULL
       ELSE strftime(dob, '%Y%m%d') END AS pri_dob
FROM s4`
}

/**
 * Cycles: k=0 the first cannabis cycle (anchor), 1..4 repeat cannabis cycles, 6..11 other cycles,
 * 14 a super-strike cycle, 15 a PC 290 sex-offense cycle. kind: 0 cannabis, 1 other, 2 super-strike, 3 sex.
 */
export function cycleSql(): string[] {
  const first = d(P.FIRST_CYCLE_DATE)
  const last = d(P.LAST_CYCLE_DATE)
  const lo16 = `greatest(${first}, ${plusYears('dob', 16)})`
  // other cycles spread over the person's active years around the first cannabis cycle
  const spread = `CAST(greatest(${first}, anchor - 3650, ${plusYears('dob', 16)}) AS DATE)`
  const spreadHi = `least(${last}, anchor + 4380)`
  const otherDate = (salt: number) => `${spread} + CAST(ri(ck, ${salt}, 0, ${spreadHi} - ${spread}) AS INTEGER)`
  const nonFirst = (kind: number, kExpr: string, from: string) => `
  SELECT sid, ${kExpr} AS k, ${kind} AS kind, sid * 16 + ${kExpr} AS ck, anchor, dob, home, fam0 FROM ${from}`
  const arrestDispo = `${listLit(ARREST_ONLY_DISPOSITIONS)}[ri(ck, 44, 1, ${ARREST_ONLY_DISPOSITIONS.length})]`
  return [
    `CREATE OR REPLACE TABLE cyc0 AS
WITH c AS (
  SELECT sid, 0 AS k, 0 AS kind, sid * 16 AS ck, anchor, dob, home, fam0 FROM subj
  UNION ALL ${nonFirst(0, '1 + j', '(SELECT *, unnest(range(n_xc)) AS j FROM subj WHERE n_xc > 0)')}
  UNION ALL ${nonFirst(1, '6 + j', '(SELECT *, unnest(range(n_oc)) AS j FROM subj WHERE n_oc > 0)')}
  UNION ALL ${nonFirst(2, '14', 'subj WHERE has_ss')}
  UNION ALL ${nonFirst(3, '15', 'subj WHERE has_sx')}
)
SELECT c.*,
  CASE WHEN c.k = 0 THEN anchor
       WHEN kind = 0 THEN CASE WHEN anchor + CAST(ri(ck, 30, 120, 2900) AS INTEGER) <= ${last}
                               THEN anchor + CAST(ri(ck, 30, 120, 2900) AS INTEGER)
                               ELSE CAST(greatest(${lo16}, anchor - CAST(ri(ck, 30, 120, 2900) AS INTEGER)) AS DATE) END
       ELSE ${otherDate(31)} END AS d,
  CASE WHEN c.k > 0 AND u(ck, 32) < ${P.ELSEWHERE_SHARE} THEN pc.item ELSE home END AS cci
FROM (SELECT *, hb(ck, 33, ${BITS.county}) AS b_county FROM c) c
JOIN pick_county pc ON pc.pk = 0 AND pc.bucket = c.b_county`,
    `CREATE OR REPLACE TABLE cyc AS
WITH c AS (
  SELECT c0.*, co.cc, co.name AS cname, co.north, co.n_courts, co.n_agencies,
    CAST(row_number() OVER (PARTITION BY sid ORDER BY d, k) AS INTEGER) AS cyc_order,
    CAST(date_sub('year', dob, d) AS INTEGER) AS age,
    ${codeEraSql('d')} AS era, ${familyEraSql('d')} AS fam_era,
    u(ck, 35) AS u_steps, u(ck, 38) AS u_delay, u(ck, 40) AS u_case, u(ck, 41) AS u_n1, u(ck, 42) AS u_n2,
    CASE WHEN kind = 0 AND k > 0 AND u(ck, 34) >= ${P.REPEAT_SAME_FAMILY}
         THEN (${familyEraSql('d')}) * 2 + CAST(co.north AS INTEGER) END AS fam_key,
    hb(ck, 47, ${BITS.family}) AS fam_bucket
  FROM cyc0 c0 JOIN county co ON co.cci = c0.cci
)
SELECT c.*,
  CASE WHEN age < 18 THEN 0 WHEN age < 21 THEN 1 ELSE 2 END AS age_cls,
  coalesce(pf.item, fam0) AS fam,
  kind >= 2 OR u_steps >= ${P.COURT_ONLY_SHARE} AS has_arrest,
  kind >= 2 OR u_steps < ${P.COURT_ONLY_SHARE} OR u_steps >= ${P.COURT_ONLY_SHARE + P.ARREST_ONLY_SHARE} AS has_court,
  CASE WHEN kind < 2 AND u_steps >= ${P.COURT_ONLY_SHARE} AND u_steps < ${P.COURT_ONLY_SHARE + P.ARREST_ONLY_SHARE}
       AND u(ck, 43) < 0.7 THEN ${arrestDispo} END AS arrest_dispo,
  d + CAST(CASE WHEN u_delay < ${P.LONG_DELAY_SHARE} THEN ri(ck, 39, ${P.LONG_DELAY_DAYS[0]}, ${P.LONG_DELAY_DAYS[1]})
                ELSE ri(ck, 39, ${P.COURT_DELAY_DAYS[0]}, ${P.COURT_DELAY_DAYS[1]}) END AS INTEGER) AS court_d,
  CASE WHEN kind >= 2 THEN u_case < ${P.SERIOUS_CASE_CONVICTED} ELSE u_case < ${P.CASE_CONVICTED} END AS case_conv,
  CASE WHEN u_case < ${P.CASE_CONVICTED + P.CASE_DISMISSED} OR kind >= 2 THEN '${DISMISSED}'
       ELSE ${listLit(NON_CONVICTIONS)}[ri(ck, 45, 1, ${NON_CONVICTIONS.length})] END AS case_nonconv,
  CAST(CASE WHEN kind = 0 THEN ${weightedCase('u_n1', P.CANNABIS_COUNTS)} ELSE 0 END AS INTEGER) AS n_can,
  CAST(CASE WHEN kind = 0 THEN ${weightedCase('u_n2', P.RELATED_COUNTS)} ELSE 0 END AS INTEGER) AS n_rel,
  CAST(CASE WHEN kind = 0 THEN ${weightedCase('u_n1', P.CANNABIS_COUNTS)} + ${weightedCase('u_n2', P.RELATED_COUNTS)}
              + CAST(u(ck, 46) < ${P.OTHER_COUNTS_IN_CANNABIS_CYCLE} AS INTEGER)
            WHEN kind = 1 THEN ${weightedCase('u_n1', P.OTHER_CYCLE_COUNTS)}
            ELSE 1 + CAST(u_n2 < 0.25 AS INTEGER) END AS INTEGER) AS n_counts,
  ri(ck, 36, 0, n_agencies - 1) AS agency_idx,
  ri(ck, 37, 0, n_courts - 1) AS court_idx
FROM c LEFT JOIN pick_fam pf ON pf.pk = c.fam_key AND pf.bucket = c.fam_bucket`,
  ]
}

/** Charges of each cycle, with the offense drawn, court outcome, conviction level and sentence pattern. */
export function countSql(): string {
  const auma = d(P.AUMA_DATE)
  const cls = SENTENCE_CLASS_ID
  return `CREATE OR REPLACE TABLE cnt AS
WITH c AS (
  SELECT sid, k, kind, ck, d, cci, cc, cname, cyc_order, age, age_cls, era, fam_era, north, fam, has_arrest, has_court,
    arrest_dispo, court_d, case_conv, case_nonconv, n_can, n_rel, agency_idx, court_idx, unnest(range(n_counts)) AS j
  FROM cyc
), c2 AS (
  SELECT *, ck * 16 + j AS nk,
    CASE WHEN kind = 0 AND j < n_can THEN 0
         WHEN kind = 0 AND j < n_can + n_rel THEN ${GROUP_ID.REL}
         WHEN kind = 1 AND j > 0 THEN ${GROUP_ID.NON}
         WHEN kind = 2 AND j = 0 THEN ${GROUP_ID.SS}
         WHEN kind = 3 AND j = 0 THEN ${GROUP_ID.SX}
         ELSE ${GROUP_ID.OTH} END AS sel
  FROM c
), c3 AS (
  -- join keys are computed first (NULL when the draw does not apply): hash joins need plain columns
  SELECT c2.*, CASE WHEN sel = 0 AND j > 0 THEN fam_era * 2 + CAST(north AS INTEGER) END AS fam_key,
    hb(nk, 50, ${BITS.family}) AS fam_bucket, hb(nk, 51, ${BITS.offense}) AS off_bucket
  FROM c2
), c3b AS (
  SELECT c3.*, coalesce(pf.item, fam) AS cfam
  FROM c3 LEFT JOIN pick_fam pf ON pf.pk = c3.fam_key AND pf.bucket = c3.fam_bucket
), c3c AS (
  SELECT *, CASE WHEN sel = 0 THEN cfam * 1000 + era * 10 + age_cls ELSE ${NON_CANNABIS_KEY_BASE} + sel END AS off_key
  FROM c3b
), c4 AS (
  SELECT c3c.*, o.is_canna, o.code_type, o.base, o.sub, o.literal, o.toc, o.cjis, o.registrable,
    CASE WHEN o.is_canna AND u(nk, 52) < ${P.ATTEMPT_SHARE} THEN '664'
         WHEN o.is_canna AND u(nk, 52) < ${P.ATTEMPT_SHARE + P.CONSPIRACY_SHARE} THEN '182'
         ELSE o.qualifier END AS qual,
    has_court AND case_conv AND (j = 0 OR u(nk, 53) < ${P.SECONDARY_COUNT_CONVICTED}) AS conv,
    u(nk, 54) AS u_lvl
  FROM c3c
  JOIN pick_off po ON po.pk = c3c.off_key AND po.bucket = c3c.off_bucket
  JOIN offense o ON o.id = po.item
), c5 AS (
  SELECT c4.*,
    CASE WHEN NOT conv THEN NULL
         WHEN u_lvl < ${P.BLANK_CONVICTION_LEVEL} THEN NULL
         WHEN toc = 'F' AND sel < ${GROUP_ID.SS} AND u_lvl < ${P.BLANK_CONVICTION_LEVEL + P.FELONY_CONVICTED_AS_MISDEMEANOR}
           THEN 'MISDEMEANOR'
         ELSE CASE toc WHEN 'F' THEN 'FELONY' WHEN 'M' THEN 'MISDEMEANOR' ELSE 'INFRACTION' END END AS conv_stat
  FROM c4
), c6 AS (
  SELECT c5.*, hb(nk, 56, ${BITS.sentence}) AS sent_bucket,
    CASE WHEN NOT conv THEN NULL
         WHEN coalesce(conv_stat, CASE toc WHEN 'F' THEN 'FELONY' WHEN 'M' THEN 'MISDEMEANOR' ELSE 'INFRACTION' END) = 'FELONY' THEN
           CASE WHEN sel = ${GROUP_ID.SS} THEN ${cls.SS}
                WHEN sel = ${GROUP_ID.SX} THEN ${cls.SX}
                WHEN is_canna AND d >= ${auma} THEN ${cls.FP}
                WHEN is_canna AND d >= ${d(P.THREE_STRIKES_FROM)} AND u(nk, 55) < ${P.THREE_STRIKES_SHARE} THEN ${cls.F3}
                ELSE ${cls.FC} END
         WHEN coalesce(conv_stat, CASE toc WHEN 'M' THEN 'MISDEMEANOR' ELSE 'INFRACTION' END) = 'MISDEMEANOR' THEN ${cls.MC}
         ELSE ${cls.IC} END AS sent_key
  FROM c5
)
SELECT c6.*,
  -- case numbers carry F when any count of the case is a felony charge, so all its counts share one number
  bool_or(toc = 'F') OVER (PARTITION BY ck) AS case_felony,
  CASE WHEN NOT conv THEN CASE WHEN has_court THEN CASE WHEN case_conv THEN '${DISMISSED}' ELSE case_nonconv END END
       ELSE coalesce(CASE WHEN u(nk, 58) < ${P.PLAIN_CONVICTED_SHARE} THEN 'CONVICTED' END, sp.disp) END AS disp_descr,
  CASE WHEN conv AND u(nk, 57) < ${P.BAD_DISP_DATE_SHARE} THEN strftime(court_d, '%Y') || '1300'
       WHEN has_court THEN strftime(court_d, '%Y%m%d') END AS disp_date_txt,
  sp.id AS pattern
FROM c6
LEFT JOIN pick_sent ps ON ps.pk = c6.sent_key AND ps.bucket = c6.sent_bucket
LEFT JOIN sent_pattern sp ON sp.id = ps.item`
}
