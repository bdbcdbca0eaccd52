/**
 * The DA policy file contract (YAML or JSON): what a District Attorney decided on top of HS 11361.8.
 * `data-contracts/policy.schema.json` is generated from this schema (pipelines/policy/write-policy-schema.ts);
 * data-contracts/policies/README.md explains every key and the presets.
 */
import { z } from 'zod'

/** The sections a felony choice can name: the four Prop 64 sections with old-law felonies. */
export const POLICY_FELONY_SECTIONS = ['HS 11357', 'HS 11358', 'HS 11359', 'HS 11360'] as const
export type PolicyFelonySection = (typeof POLICY_FELONY_SECTIONS)[number]

/** A code section as the staging model writes it: code type, section, optional subsections ("PC 647(F)"). */
export const SECTION_PATTERN = '^[A-Z]{2,3} [0-9]+(\\.[0-9]+)?[A-Z]?(\\([0-9A-Z]+\\))*$'

const whole = () =>
  z.int({
    error: (iss) =>
      iss.code === 'invalid_type'
        ? 'expected a whole number (or null to turn an inherited threshold off)'
        : undefined,
  })
const flag = () => z.boolean({ error: 'expected true or false' })
const years = whole().min(1).max(100).nullable()

const felonyChoice = z
  .enum(['dismiss', 'reduce', 'statute'])
  .describe('dismiss or reduce every felony of this section; statute leaves it to the statute layer')

const section = z
  .string()
  .regex(new RegExp(SECTION_PATTERN), {
    message: 'expected a code section such as "HS 11364" or "PC 647(F)"',
  })
  .refine((s) => !isProp64Section(s), {
    message: 'a Prop 64 section is decided by the policy layer itself, not listed as a related charge',
  })

export function isProp64Section(s: string): boolean {
  return /^HS (11357|11358|11359|11360|11362\.[1-4])(\(|$)/.test(s)
}

const dismissWhenShape = {
  under_21_at_conviction: flag().optional(),
  age_at_least: whole().min(1).max(120).nullable().optional(),
  years_since_conviction_at_least: years.optional(),
  crime_free_years_at_least: years.optional(),
  only_prop64_convictions: flag().optional(),
  only_prop64_sentences_completed: flag().optional(),
  only_conviction_sentence_completed: flag().optional(),
  deceased: flag().optional(),
}
const excludeWhenShape = {
  superstrike_prior: flag().optional(),
  pc290: flag().optional(),
  two_priors: flag().optional(),
}
export const DISMISS_WHEN_KEYS = Object.keys(dismissWhenShape) as (keyof typeof dismissWhenShape)[]
export const EXCLUDE_WHEN_KEYS = Object.keys(excludeWhenShape) as (keyof typeof excludeWhenShape)[]

export const PolicyFileSchema = z
  .strictObject({
    name: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'expected lower-case letters, digits and dashes' })
      .describe('Short name; shown in every row the policy decides and in compare scenarios'),
    extends: z.string().min(1).optional().describe('A preset name this policy starts from'),
    description: z.string().optional(),
    citation: z
      .string()
      .min(1)
      .optional()
      .describe('The public source of the policy; cited by every row the policy decides'),
    sources: z
      .record(z.string(), z.string().min(1))
      .optional()
      .describe('Key path (e.g. "dismiss_when.age_at_least") → the public source of that choice'),
    felony: z
      .strictObject(Object.fromEntries(POLICY_FELONY_SECTIONS.map((s) => [s, felonyChoice.optional()])))
      .optional()
      .describe('Per section: what the DA does with old-law felonies of that section'),
    misdemeanor: z
      .enum(['dismiss', 'reduce', 'statute'])
      .optional()
      .describe(
        'Misdemeanor and infraction counts: dismiss or reduce them all, or leave them to the statute (dismiss_when then does not reach them either)',
      ),
    dismiss_when: z
      .strictObject(dismissWhenShape)
      .optional()
      .describe('Any one condition true → dismiss (a threshold of null turns an inherited one off)'),
    exclude_when: z
      .strictObject(excludeWhenShape)
      .optional()
      .describe('The DA challenges these felonies: the determination becomes not_eligible'),
    related_charges: z
      .array(z.union([section, z.strictObject({ section, outcome: z.enum(['dismiss', 'review']) })]))
      .optional()
      .describe(
        'Non-Prop 64 convictions dismissed (or sent to review) when in the same arrest cycle as Prop 64 relief',
      ),
  })
  .describe('A District Attorney policy layered on the HS 11361.8 statute layer')

export type PolicyFile = z.infer<typeof PolicyFileSchema>

/** Keys allowed at each object path, for error messages that say what was expected. */
export const ALLOWED_KEYS: Record<string, readonly string[]> = {
  '': Object.keys(PolicyFileSchema.shape),
  felony: POLICY_FELONY_SECTIONS,
  dismiss_when: DISMISS_WHEN_KEYS,
  exclude_when: EXCLUDE_WHEN_KEYS,
  related_charges: ['section', 'outcome'],
}
