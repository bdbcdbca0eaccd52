/**
 * The people and their histories, set-based: `subj` (one row per person), `cyc` (arrest cycles, ordered by
 * date) and `death`. Every draw is h(entity key, salt): subject key sid, cycle key ck = sid*16 + k
 * (charges, in counts.ts, use nk = ck*16 + j). Tables stay narrow; strings are expanded after the sort.
 */
import {
  FIRST_FEMALE,
  FIRST_MALE,
  NAME_LISTS,
  SURNAMES_ASIAN,
  SURNAMES_GENERAL,
  SURNAMES_HISPANIC,
} from './names.ts'
import { ARREST_ONLY_DISPOSITIONS, DISMISSED, NON_CONVICTIONS, dispositionIndex } from './offenses.ts'
import * as P from './parameters.ts'
import { BITS, codeEraSql, familyEraSql } from './reference-tables.ts'
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
const raceGroupCodes = (g: keyof typeof P.RACE_CODES_BY_GROUP) =>
  weightedCase('u_rc', P.RACE_CODES_BY_GROUP[g])
const plusYears = (date: string, years: number) => `CAST(${date} + to_years(${years}) AS DATE)`

/**
 * subj: home county, first cannabis cycle date (anchor) and offense family, DOB, gender, race, and how many
 * other cycles the person has. dob_flag: 0 good, 1 written as an impossible date, 2 written blank.
 */
export function subjectSql(subjects: number): string {
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
  SELECT s1.*, make_date(yr, 1, 1) + CAST(ri(sid, 3, 0, 364) AS INTEGER) AS anchor, u(sid, 4) AS u_age,
    u(sid, 7) AS u_male, u(sid, 9) AS u_rc, u(sid, 11) AS u_xc, u(sid, 12) AS u_oc, u(sid, 16) AS u_dob, c.north
  FROM s1 JOIN county c ON c.cci = s1.home
), s3 AS (
  SELECT s2.*,
    CASE WHEN anchor < DATE '2014-01-01' THEN ${ageCase('u_age', 'sid', P.AGE_BANDS_BEFORE_2014)}
         ELSE ${ageCase('u_age', 'sid', P.AGE_BANDS_FROM_2014)} END AS age0,
    CASE WHEN u_male < (CASE WHEN anchor < DATE '2011-01-01' THEN ${P.MALE_SHARE_BEFORE_2011} ELSE ${P.MALE_SHARE_FROM_2011} END)
         THEN 'M' ELSE 'F' END AS gender,
    (${familyEraSql('anchor')}) * 2 + CAST(north AS INTEGER) AS fam_key
  FROM s2
)
SELECT sid, home, anchor, gender, pr.item AS race_group, pf.item AS fam0,
  CAST(anchor - to_years(CAST(age0 AS INTEGER)) - to_days(CAST(ri(sid, 6, 0, 364) AS INTEGER)) AS DATE) AS dob,
  CASE pr.item WHEN 0 THEN ${raceGroupCodes('W')} WHEN 1 THEN ${raceGroupCodes('H')}
    WHEN 2 THEN ${raceGroupCodes('B')} WHEN 3 THEN ${raceGroupCodes('A')} ELSE ${raceGroupCodes('O')} END AS race_code,
  CAST(${weightedCase('u_xc', P.EXTRA_CANNABIS_CYCLES)} AS INTEGER) AS n_xc,
  CAST(${weightedCase('u_oc', P.OTHER_CYCLES)} AS INTEGER) AS n_oc,
  u(sid, 13) < ${P.SUPER_STRIKE_SHARE} AS has_ss,
  u(sid, 14) < ${P.SEX_OFFENSE_SHARE} AS has_sx,
  u(sid, 15) < ${P.DECEASED_SHARE} AS deceased,
  -- 0 a good date; 1 written as an impossible date, 2 written blank (malformed-but-loadable values)
  CAST(CASE WHEN u_dob < ${P.BAD_DOB_SHARE} THEN 1 WHEN u_dob < ${P.BAD_DOB_SHARE + P.BLANK_DOB_SHARE} THEN 2 ELSE 0 END
    AS TINYINT) AS dob_flag,
  -- positions in NAME_LISTS: surname list by race group, first name by gender, optional middle initial
  CAST(CASE pr.item WHEN 1 THEN ${NAME_LISTS.hispanicAt} + ri(sid, 20, 0, ${SURNAMES_HISPANIC.length - 1})
                    WHEN 3 THEN ${NAME_LISTS.asianAt} + ri(sid, 20, 0, ${SURNAMES_ASIAN.length - 1})
                    ELSE ${NAME_LISTS.generalAt} + ri(sid, 20, 0, ${SURNAMES_GENERAL.length - 1}) END AS SMALLINT) AS surname,
  CAST(CASE gender WHEN 'M' THEN ${NAME_LISTS.maleAt} + ri(sid, 21, 0, ${FIRST_MALE.length - 1})
                   ELSE ${NAME_LISTS.femaleAt} + ri(sid, 21, 0, ${FIRST_FEMALE.length - 1}) END AS SMALLINT) AS first_name,
  CAST(CASE WHEN u(sid, 22) < 0.7 THEN ri(sid, 23, 65, 90) END AS TINYINT) AS initial
FROM s3
JOIN pick_race pr ON pr.pk = s3.home AND pr.bucket = s3.b_race
JOIN pick_fam pf ON pf.pk = s3.fam_key AND pf.bucket = s3.b_fam`
}

/**
 * Cycles: k=0 the first cannabis cycle (anchor), 1..4 repeat cannabis cycles, 6..11 other cycles,
 * 14 a super-strike cycle, 15 a PC 290 sex-offense cycle. kind: 0 cannabis, 1 other, 2 super-strike, 3 sex.
 * A convicted sex-offense cycle gets a REGISTRATION step (every SX offense is PC 290(c) registrable).
 */
export function cycleSql(): string {
  const first = d(P.FIRST_CYCLE_DATE)
  const last = d(P.LAST_CYCLE_DATE)
  const lo16 = `greatest(${first}, ${plusYears('dob', 16)})`
  // other cycles spread over the person's active years around the first cannabis cycle
  const spread = `CAST(greatest(${first}, anchor - 3650, ${plusYears('dob', 16)}) AS DATE)`
  const spreadHi = `least(${last}, anchor + 4380)`
  const nonFirst = (kind: number, kExpr: string, from: string) => `
  SELECT sid, ${kExpr} AS k, ${kind} AS kind, anchor, dob, home, fam0 FROM ${from}`
  const arrestDispo = `${dispositionIndex(ARREST_ONLY_DISPOSITIONS[0])} + ri(ck, 44, 0, ${ARREST_ONLY_DISPOSITIONS.length - 1})`
  const nonConv = `${dispositionIndex(NON_CONVICTIONS[0])} + ri(ck, 45, 0, ${NON_CONVICTIONS.length - 1})`
  return `CREATE OR REPLACE TABLE cyc AS
WITH c0 AS (
  SELECT sid, 0 AS k, 0 AS kind, anchor, dob, home, fam0 FROM subj
  UNION ALL ${nonFirst(0, '1 + j', '(SELECT *, unnest(range(n_xc)) AS j FROM subj WHERE n_xc > 0)')}
  UNION ALL ${nonFirst(1, '6 + j', '(SELECT *, unnest(range(n_oc)) AS j FROM subj WHERE n_oc > 0)')}
  UNION ALL ${nonFirst(2, '14', 'subj WHERE has_ss')}
  UNION ALL ${nonFirst(3, '15', 'subj WHERE has_sx')}
), c1 AS (
  SELECT *, sid * 16 + k AS ck FROM c0
), c2 AS (
  SELECT *, hb(ck, 33, ${BITS.county}) AS b_county, CAST(ri(ck, 30, 120, 2900) AS INTEGER) AS off FROM c1
), c3 AS (
  SELECT c2.sid, c2.k, c2.kind, c2.ck, c2.dob, c2.fam0,
    CASE WHEN c2.k = 0 THEN anchor
         WHEN kind = 0 THEN CASE WHEN anchor + off <= ${last} THEN anchor + off
                                 ELSE CAST(greatest(${lo16}, anchor - off) AS DATE) END
         ELSE ${spread} + CAST(ri(ck, 31, 0, ${spreadHi} - ${spread}) AS INTEGER) END AS d,
    CASE WHEN c2.k > 0 AND u(ck, 32) < ${P.ELSEWHERE_SHARE} THEN pc.item ELSE home END AS cci
  FROM c2 JOIN pick_county pc ON pc.pk = 0 AND pc.bucket = c2.b_county
), c AS (
  SELECT c3.*, co.north, co.n_courts, co.n_agencies,
    CAST(row_number() OVER (PARTITION BY sid ORDER BY d, k) AS TINYINT) AS cyc_order,
    CAST(date_sub('year', dob, d) AS TINYINT) AS age,
    ${codeEraSql('d')} AS era, ${familyEraSql('d')} AS fam_era,
    u(ck, 35) AS u_steps, u(ck, 38) AS u_delay, u(ck, 40) AS u_case, u(ck, 41) AS u_n1, u(ck, 42) AS u_n2,
    CASE WHEN kind = 0 AND k > 0 AND u(ck, 34) >= ${P.REPEAT_SAME_FAMILY}
         THEN (${familyEraSql('d')}) * 2 + CAST(co.north AS INTEGER) END AS fam_key,
    hb(ck, 47, ${BITS.family}) AS fam_bucket
  FROM c3 JOIN county co ON co.cci = c3.cci
), c5 AS (
  SELECT sid, k, kind, ck, d, cci, north, cyc_order, age, era, fam_era,
    CASE WHEN age < 18 THEN 0 WHEN age < 21 THEN 1 ELSE 2 END AS age_cls,
    coalesce(pf.item, fam0) AS fam,
    kind >= 2 OR u_steps >= ${P.COURT_ONLY_SHARE} AS has_arrest,
    kind >= 2 OR u_steps < ${P.COURT_ONLY_SHARE} OR u_steps >= ${P.COURT_ONLY_SHARE + P.ARREST_ONLY_SHARE} AS has_court,
    CAST(CASE WHEN kind < 2 AND u_steps >= ${P.COURT_ONLY_SHARE} AND u_steps < ${P.COURT_ONLY_SHARE + P.ARREST_ONLY_SHARE}
         AND u(ck, 43) < 0.7 THEN ${arrestDispo} END AS TINYINT) AS arrest_disp,
    d + CAST(CASE WHEN u_delay < ${P.LONG_DELAY_SHARE} THEN ri(ck, 39, ${P.LONG_DELAY_DAYS[0]}, ${P.LONG_DELAY_DAYS[1]})
                  ELSE ri(ck, 39, ${P.COURT_DELAY_DAYS[0]}, ${P.COURT_DELAY_DAYS[1]}) END AS INTEGER) AS court_d,
    CASE WHEN kind >= 2 THEN u_case < ${P.SERIOUS_CASE_CONVICTED} ELSE u_case < ${P.CASE_CONVICTED} END AS case_conv,
    CAST(CASE WHEN u_case < ${P.CASE_CONVICTED + P.CASE_DISMISSED} OR kind >= 2 THEN ${dispositionIndex(DISMISSED)}
         ELSE ${nonConv} END AS TINYINT) AS case_nonconv,
    CAST(CASE WHEN kind = 0 THEN ${weightedCase('u_n1', P.CANNABIS_COUNTS)} ELSE 0 END AS TINYINT) AS n_can,
    CAST(CASE WHEN kind = 0 THEN ${weightedCase('u_n2', P.RELATED_COUNTS)} ELSE 0 END AS TINYINT) AS n_rel,
    CAST(CASE WHEN kind = 0 THEN ${weightedCase('u_n1', P.CANNABIS_COUNTS)} + ${weightedCase('u_n2', P.RELATED_COUNTS)}
                + CAST(u(ck, 46) < ${P.OTHER_COUNTS_IN_CANNABIS_CYCLE} AS INTEGER)
              WHEN kind = 1 THEN ${weightedCase('u_n1', P.OTHER_CYCLE_COUNTS)}
              ELSE 1 + CAST(u_n2 < 0.25 AS INTEGER) END AS TINYINT) AS n_counts,
    CAST(ri(ck, 36, 0, n_agencies - 1) AS TINYINT) AS agency_idx,
    CAST(ri(ck, 37, 0, n_courts - 1) AS TINYINT) AS court_idx
  FROM c LEFT JOIN pick_fam pf ON pf.pk = c.fam_key AND pf.bucket = c.fam_bucket
)
SELECT *, kind = 3 AND case_conv AS has_reg,
  court_d + CAST(ri(ck, 63, 5, 60) AS INTEGER) AS reg_d
FROM c5`
}

/** A deceased person's death is a step of their last cycle, after every other event. */
export function deathSql(): string {
  return `CREATE OR REPLACE TABLE death AS
WITH last_cyc AS (
  SELECT sid, max_by(k, cyc_order) AS k,
    max(greatest(d, CASE WHEN has_court THEN court_d END, CASE WHEN has_reg THEN reg_d END)) AS last_event
  FROM cyc WHERE sid IN (SELECT sid FROM subj WHERE deceased)
  GROUP BY sid
)
SELECT c.sid, c.k, c.cyc_order, c.d, c.age, c.cci, co.n_agencies - 2 AS sheriff_idx,
  CAST(c.has_arrest AS INTEGER) + CAST(c.has_court AS INTEGER) + CAST(c.has_reg AS INTEGER) + 1 AS stp_order,
  l.last_event + CAST(ri(l.sid, 70, 30, greatest(30, ${d(P.LAST_DEATH_DATE)} - l.last_event)) AS INTEGER) AS death_d
FROM last_cyc l JOIN cyc c ON c.sid = l.sid AND c.k = l.k JOIN county co ON co.cci = c.cci`
}
