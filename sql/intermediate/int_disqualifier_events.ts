import { sql } from 'kysely'
import type { Model } from '../model.ts'
import { ref } from '../helpers/model-sql.ts'
import { ref_pc290c_sections, ref_superstrike_sections } from '../seeds/reference_tables.ts'
import { int_convictions } from './int_convictions.ts'
import { int_subjects } from './int_subjects.ts'

/**
 * Dated events that can keep a felony 11358/11359/11360 a felony: super-strike convictions
 * (PC 667(e)(2)(C)(iv)), PC 290(c) convictions, and PC 290 registration steps; plus convictions with a
 * court-ordered registration qualifier (BB, PC 290(a)(2)(E)), which explain a registration step without being
 * PC 290(c) offenses. Patterns are matched once per distinct code section, then joined back, so the cost does not
 * grow with patterns.
 */
export const int_disqualifier_events: Model = {
  name: 'int_disqualifier_events',
  layer: 'intermediate',
  materialized: 'table',
  grain: 'one row per (subject, conviction or registration, kind) that can disqualify',
  ruleIds: ['P64-DQ-01', 'P64-DQ-02', 'P64-DQ-06'],
  sql: () => sql`
with sections as (
  select distinct code_section from ${ref(int_convictions)} where code_section is not null
),
matched as (
  select s.code_section, 'superstrike' as kind, min(r.citation) as citation,
    bool_or(r.clause = '(IV)') as covers_attempts
  from sections s join ${ref(ref_superstrike_sections)} r on regexp_matches(s.code_section, r.pattern)
  group by all
  union all
  select s.code_section, 'pc290c' as kind, min(r.citation) as citation, false
  from sections s join ${ref(ref_pc290c_sections)} r on regexp_matches(s.code_section, r.pattern)
  group by all
)
select c.subject_id, c.conviction_date as event_date, m.kind, c.code_section, m.citation
from ${ref(int_convictions)} c join matched m using (code_section)
where c.conviction_date is not null
  -- An attempt is a super-strike only under clause (IV) (attempted homicide); an attempted life offense is not
  -- punishable by life. PC 290(c) lists attempts of its offenses, so those count. Conspiracies never count here.
  and (not c.is_attempt or m.kind = 'pc290c' or m.covers_attempts)
  and not c.is_conspiracy
union all
select subject_id, conviction_date, 'court_ordered_registration', code_section, 'PC 290(a)(2)(E) (qualifier BB)'
from ${ref(int_convictions)}
where has_registration_qualifier and conviction_date is not null
union all
select subject_id, pc290_registration_date, 'pc290_registration', 'PC 290', 'PC 290 registration step'
from ${ref(int_subjects)}
where pc290_registration_date is not null`,
}
