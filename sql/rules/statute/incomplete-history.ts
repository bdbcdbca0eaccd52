import { rule } from '../rule.ts'

/**
 * A decision reads the person's whole record (earlier super strikes, PC 290 registrations, same-section priors,
 * every sentence part). When a line of that record was rejected at ingest, the record the rules see is not the
 * record the court has: no outcome is safe, so the count goes to review and names the lines to fix.
 */
export const P64_DATA_04 = rule({
  id: 'P64-DATA-04',
  layer: 'statute',
  outcome: 'review',
  summary: "a line of the person's record was rejected at ingest: the record the rules see is incomplete",
  citation:
    'HS 11361.8(b), (f); HS 11358(d), 11359(c), 11360(a)(3) (disqualifying priors read from the whole record)',
  reason:
    "Needs review: a line of this person's record could not be read and was set aside (rejects.csv), so a disqualifying prior, a same-section prior or a sentence part may be missing.",
  when: `incomplete_history_lines is not null`,
  detail: `'Lines not read: ' || incomplete_history_lines || '.'`,
  interpretation:
    'Any rejected line that names the person, whatever it held, makes the record incomplete; a line whose SUBJECT_ID cannot be read is tied to nobody (counted in data quality).',
})
