/**
 * A policy after `extends` is followed and defaults are filled: what the policy layer's SQL is built from.
 * Resolving (files, presets, validation) lives in pipelines/policy; this is only the shape the models read.
 */
import type { PolicyFelonySection } from '../../../data-contracts/policy.schema.ts'

export type FelonyChoice = 'dismiss' | 'reduce'
export type MisdemeanorChoice = 'dismiss' | 'reduce' | 'statute'

export interface DismissWhen {
  under_21_at_conviction: boolean
  /** Age on the as-of date. */
  age_at_least: number | null
  years_since_conviction_at_least: number | null
  /** No conviction of any kind, anywhere, in this many years before the as-of date. */
  crime_free_years_at_least: number | null
  only_prop64_convictions: boolean
  only_prop64_sentences_completed: boolean
  only_conviction_sentence_completed: boolean
  deceased: boolean
}

export interface ExcludeWhen {
  superstrike_prior: boolean
  pc290: boolean
  two_priors: boolean
}

export interface RelatedCharge {
  /** "HS 11364", "PC 647(F)": a section without subsection matches every subsection of it. */
  section: string
  outcome: 'dismiss' | 'review'
}

export interface ResolvedPolicy {
  name: string
  description: string | null
  /** Cited by every row the policy decides. */
  citation: string
  /** Preset names followed through `extends`, outermost first (the policy's own name first). */
  chain: string[]
  /** The file the policy was read from (a preset's file too); null for the built-in statute default. */
  file: string | null
  /** sha256 of that file; a run records it so a result can be traced to the exact policy text. */
  sha256: string | null
  preset: boolean
  felony: Partial<Record<PolicyFelonySection, FelonyChoice>>
  misdemeanor: MisdemeanorChoice
  dismiss_when: DismissWhen
  exclude_when: ExcludeWhen
  related_charges: RelatedCharge[]
  /** Key path → public source of that choice. */
  sources: Record<string, string>
}

export const NO_DISMISS_WHEN: DismissWhen = {
  under_21_at_conviction: false,
  age_at_least: null,
  years_since_conviction_at_least: null,
  crime_free_years_at_least: null,
  only_prop64_convictions: false,
  only_prop64_sentences_completed: false,
  only_conviction_sentence_completed: false,
  deceased: false,
}

export const NO_EXCLUDE_WHEN: ExcludeWhen = { superstrike_prior: false, pc290: false, two_priors: false }

/** The statute alone: no policy rule, every row keeps the statute outcome. */
export const STATUTE_POLICY: ResolvedPolicy = {
  name: 'statute',
  description: 'HS 11361.8 as the statute layer decides it; no DA policy on top.',
  citation: 'HS 11361.8',
  chain: ['statute'],
  file: null,
  sha256: null,
  preset: true,
  felony: {},
  misdemeanor: 'statute',
  dismiss_when: NO_DISMISS_WHEN,
  exclude_when: NO_EXCLUDE_WHEN,
  related_charges: [],
  sources: {},
}
