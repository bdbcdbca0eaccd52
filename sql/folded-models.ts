/**
 * The models in build order when the native reader folded the input (pipelines/ingest/native): its tables
 * replace the line table, and five models are built from them instead, under the same names with the same
 * columns. Every model after them is the same object as in MODELS.
 */
import type { Model } from './model.ts'
import { MODELS } from './models.ts'
import {
  fold_charge_texts,
  fold_counts,
  fold_identities,
  fold_prop64_lines,
  fold_steps,
  fold_subjects,
} from './sources/fold_tables.ts'
import { ingest_rejects_folded } from './folded/ingest_rejects_folded.ts'
import { stg_charge_codes_folded } from './folded/stg_charge_codes_folded.ts'
import { int_convictions_folded } from './folded/int_convictions_folded.ts'
import { int_subjects_folded } from './folded/int_subjects_folded.ts'
import { int_prop64_charges_folded } from './folded/int_prop64_charges_folded.ts'

const FOLD_SOURCES: readonly Model[] = [
  fold_counts,
  fold_subjects,
  fold_identities,
  fold_steps,
  fold_prop64_lines,
  fold_charge_texts,
]
const REPLACED: Record<string, Model> = Object.fromEntries(
  [
    ingest_rejects_folded,
    stg_charge_codes_folded,
    int_convictions_folded,
    int_subjects_folded,
    int_prop64_charges_folded,
  ].map((m) => [m.name, m]),
)
/** The line table and its source: what the native reader reads instead. */
const LINE_MODELS = new Set(['raw_doj_rows', 'stg_doj_rows'])

export const FOLDED_MODELS: readonly Model[] = MODELS.flatMap((m) =>
  m.name === 'raw_doj_rows' ? FOLD_SOURCES : LINE_MODELS.has(m.name) ? [] : [REPLACED[m.name] ?? m],
)
