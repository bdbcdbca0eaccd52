/**
 * Charges of each cycle (count key nk = ck*16 + j): which offense, whether the court convicted, at what
 * level, and which sentence pattern. Returned as CTEs over `cyc`, ending in `counts`; the rows statement
 * consumes them in the same query so the ~4 charges per person are never materialized on their own.
 */
import { QUALIFIERS, codeOf } from './codes.ts'
import { DISMISSED, PLAIN_CONVICTED, dispositionIndex } from './offenses.ts'
import * as P from './parameters.ts'
import { BITS, GROUP_ID, NON_CANNABIS_KEY_BASE, SENTENCE_CLASS_ID } from './reference-tables.ts'
import { dateLit } from './sql-helpers.ts'

/** Conviction level codes (positions in CONV_STATUS). */
const FELONY = 1
const MISDEMEANOR = 2
const INFRACTION = 3

export function countCtes(): string {
  const cls = SENTENCE_CLASS_ID
  // level the count was convicted at, falling back to the charge level when the status is blank
  const level = `coalesce(conv_stat, toc_code)`
  return `c_unnest AS (
  SELECT sid, k, kind, ck, d, cci, cyc_order, age, age_cls, era, fam_era, north, fam, has_arrest, has_court,
    arrest_disp, court_d, case_conv, case_nonconv, n_can, n_rel, agency_idx, court_idx,
    CAST(unnest(range(n_counts)) AS TINYINT) AS j
  FROM cyc
), c_sel AS (
  SELECT *, ck * 16 + j AS nk,
    CASE WHEN kind = 0 AND j < n_can THEN 0
         WHEN kind = 0 AND j < n_can + n_rel THEN ${GROUP_ID.REL}
         WHEN kind = 1 AND j > 0 THEN ${GROUP_ID.NON}
         WHEN kind = 2 AND j = 0 THEN ${GROUP_ID.SS}
         WHEN kind = 3 AND j = 0 THEN ${GROUP_ID.SX}
         ELSE ${GROUP_ID.OTH} END AS sel
  FROM c_unnest
), c_keys AS (
  -- join keys are plain columns (NULL when the draw does not apply): a LEFT JOIN condition on the left
  -- side alone would turn the hash join into a nested loop
  SELECT *, CASE WHEN sel = 0 AND j > 0 THEN fam_era * 2 + CAST(north AS INTEGER) END AS fam_key,
    hb(nk, 50, ${BITS.family}) AS fam_bucket, hb(nk, 51, ${BITS.offense}) AS off_bucket
  FROM c_sel
), c_fam AS (
  SELECT c_keys.*, CASE WHEN sel = 0 THEN coalesce(pf.item, fam) * 1000 + era * 10 + age_cls
                        ELSE ${NON_CANNABIS_KEY_BASE} + sel END AS off_key
  FROM c_keys LEFT JOIN pick_fam pf ON pf.pk = c_keys.fam_key AND pf.bucket = c_keys.fam_bucket
), c_off AS (
  SELECT c_fam.*, CAST(o.id AS SMALLINT) AS off_id, o.is_canna, o.toc_code,
    CAST(CASE WHEN o.is_canna AND u(nk, 52) < ${P.ATTEMPT_SHARE} THEN ${codeOf(QUALIFIERS, '664')}
              WHEN o.is_canna AND u(nk, 52) < ${P.ATTEMPT_SHARE + P.CONSPIRACY_SHARE} THEN ${codeOf(QUALIFIERS, '182')}
              ELSE o.qual_code END AS TINYINT) AS qual_code,
    has_court AND case_conv AND (j = 0 OR u(nk, 53) < ${P.SECONDARY_COUNT_CONVICTED}) AS conv,
    u(nk, 54) AS u_lvl
  FROM c_fam
  JOIN pick_off po ON po.pk = c_fam.off_key AND po.bucket = c_fam.off_bucket
  JOIN offense o ON o.id = po.item
), c_lvl AS (
  SELECT *,
    -- blank status (rules fall back to OFFENSE_TOC) or, for felony charges, a misdemeanor conviction (PC 17(b))
    CAST(CASE WHEN NOT conv OR u_lvl < ${P.BLANK_CONVICTION_LEVEL} THEN NULL
              WHEN toc_code = ${FELONY} AND sel < ${GROUP_ID.SS}
                AND u_lvl < ${P.BLANK_CONVICTION_LEVEL + P.FELONY_CONVICTED_AS_MISDEMEANOR} THEN ${MISDEMEANOR}
              ELSE toc_code END AS TINYINT) AS conv_stat
  FROM c_off
), c_sent AS (
  SELECT *, hb(nk, 56, ${BITS.sentence}) AS sent_bucket,
    CASE WHEN NOT conv THEN NULL
         WHEN ${level} = ${FELONY} THEN
           CASE WHEN sel = ${GROUP_ID.SS} THEN ${cls.SS}
                WHEN sel = ${GROUP_ID.SX} THEN ${cls.SX}
                WHEN is_canna AND d >= ${dateLit(P.AUMA_DATE)} THEN ${cls.FP}
                WHEN is_canna AND d >= ${dateLit(P.THREE_STRIKES_FROM)} AND u(nk, 55) < ${P.THREE_STRIKES_SHARE}
                  THEN ${cls.F3}
                ELSE ${cls.FC} END
         WHEN ${level} = ${MISDEMEANOR} THEN ${cls.MC}
         WHEN ${level} = ${INFRACTION} THEN ${cls.IC} END AS sent_key
  FROM c_lvl
), counts AS (
  SELECT c_sent.sid, c_sent.k, ck, nk, j, d, cci, cyc_order, age, has_arrest, has_court, arrest_disp, court_d,
    agency_idx, court_idx, off_id, toc_code, qual_code, conv_stat, sp.id AS pattern,
    CAST(CASE WHEN NOT conv THEN CASE WHEN case_conv THEN ${dispositionIndex(DISMISSED)} ELSE case_nonconv END
              WHEN u(nk, 58) < ${P.PLAIN_CONVICTED_SHARE} THEN ${dispositionIndex(PLAIN_CONVICTED)}
              ELSE sp.disp_idx END AS TINYINT) AS court_disp,
    conv AND u(nk, 57) < ${P.BAD_DISP_DATE_SHARE} AS bad_disp_date
  FROM c_sent
  LEFT JOIN pick_sent ps ON ps.pk = c_sent.sent_key AND ps.bucket = c_sent.sent_bucket
  LEFT JOIN sent_pattern sp ON sp.id = ps.item
)`
}
