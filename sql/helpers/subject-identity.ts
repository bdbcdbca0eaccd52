/**
 * A person's identity when their lines disagree: the most frequent value of each field (mode), and every name.
 * One definition for int_subjects on both readers' paths.
 */

/** The aggregates over a disagreeing person's lines (one row per line, with the identity columns). */
export const IDENTITY_MODES = `mode(name) as name, list_sort(list_distinct(list(name))) as names,
    mode(cii_number) as cii_number, mode(gender) as gender, mode(race_code) as race_code, mode(dob) as dob`

/** The identity columns of int_subjects: the mode where the lines disagree (`m`), else the one value (`f`). */
export const IDENTITY_COLUMNS = `coalesce(m.name, f.name) as name,
  coalesce(m.names, case when f.name is null then [] else [f.name] end) as names,
  coalesce(m.cii_number, f.cii_number) as cii_number,
  coalesce(m.gender, f.gender) as gender,
  coalesce(m.race_code, f.race_code) as race_code,
  coalesce(m.dob, f.dob) as dob`
