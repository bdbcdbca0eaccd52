import { describe, expect, it } from 'vitest'
import { explainText } from '../../../reports/explain/explain-text.ts'
import type { ExplainCountRow } from '../../../data-contracts/outputs/explain.contract.ts'

const base: ExplainCountRow = {
  subject_id: '42',
  cnt_order: '001001001000',
  county: 'ALAMEDA',
  court: 'CASC OAKLAND',
  case_number: 'A1',
  conviction_date: '2010-03-01',
  offense_date: '2010-01-01',
  code_section: 'HS 11357(B)',
  conviction_level: 'felony',
  age_at_offense: 19,
  statute_determination: 'reduce',
  determination: 'reduce',
  layer: 'statute',
  rule_id: 'P64-11357-FEL',
  citation: 'HS 11361.8(e)',
  reason: 'Felony possession is at most an infraction under 21.',
  remedy: 'redesignate',
  statute_rule_id: 'P64-11357-FEL',
  rule_trail: 'P64-11357-FEL',
  sentence_end_date: null,
  same_section_priors: 0,
  prior_superstrike_sections: '',
  prior_pc290_sections: '',
  policy: 'statute',
  is_related: false,
  policy_reach: true,
  policy_outcome: null,
  policy_rule_id: null,
  policy_citation: null,
  policy_trail: '',
  reduced_level: 'infraction',
  qualifiers: 'BB (court-ordered registration)',
  charged_code_section: 'HS 11359',
  age_source: 'cyc_age',
}
const person = { subject_id: '42', dob: null, dob_status: 'missing', deceased: false }

describe('relief explain (issue 10: qualifier, convicted offense, age source, reduced level)', () => {
  const text = explainText('42', person, [base], 'statute')

  it('says what a reduction asks for', () => {
    expect(text).toContain('remedy: redesignate (redesignate as an infraction)')
    expect(text).toContain('reduced_level: infraction')
  })

  it('shows the age source, the qualifiers and the charge when the conviction differs from it', () => {
    expect(text).toContain('age at offense 19 (from CYC_AGE: DOB missing or unusable)')
    expect(text).toContain('qualifiers: BB (court-ordered registration)')
    expect(text).toContain('charged as HS 11359; convicted of HS 11357(B) (the conviction decides)')
  })

  it('says nothing of them where they do not apply', () => {
    const plain = explainText(
      '42',
      person,
      [
        {
          ...base,
          determination: 'dismiss',
          remedy: 'dismiss_and_seal',
          reduced_level: null,
          qualifiers: null,
          charged_code_section: null,
          age_source: 'dob',
        },
      ],
      'statute',
    )
    expect(plain).toContain('reduced_level: -')
    expect(plain).not.toContain('qualifiers:')
    expect(plain).not.toContain('charged as')
    expect(plain).not.toContain('CYC_AGE')
  })
})
