import { sql } from 'kysely'
import type { Model, ModelContext } from '../model.ts'
import { raw, ref, type Relation, type SqlTemplate } from '../helpers/model-sql.ts'
import { run_params } from '../seeds/run_params.ts'
import { cycleOf, int_prop64_charges } from '../intermediate/int_prop64_charges.ts'
import { int_convictions } from '../intermediate/int_convictions.ts'
import { int_subjects } from '../intermediate/int_subjects.ts'
import { elig_statute_determinations } from './elig_statute_determinations.ts'
import type { Rule } from '../rules/rule.ts'
import { reducedLevelById, ruleColumns } from '../rules/rule-sql.ts'
import { lit } from '../helpers/quote.ts'
import { PROP64_SECTIONS } from '../intermediate/int_prop64_counts.ts'
import { STATUTE_POLICY } from '../rules/policy/resolved-policy.ts'
import { POLICY_RULE_IDS, policyRules, relatedRules } from '../rules/policy/registry.ts'
import { relatedOutcome } from '../rules/policy/related.ts'
import { POLICY_REACH, PRE_AUMA } from '../rules/policy/facts.ts'
import { remedyCase } from '../helpers/remedy.ts'
import { ageOn } from '../helpers/age.ts'
import { RELATED_CHARGE } from '../helpers/determinations.ts'

/**
 * The DA policy layer on top of the statute layer. For each in-scope count the policy's first matching rule
 * says what the DA asks for; it replaces the statute outcome only when it gives more relief (dismiss > reduce >
 * review > not_eligible), or when the DA challenges a count the statute left to review. Such rows say so:
 * layer 'policy', the policy rule id, the policy's citation, and a reason naming the statute outcome it departs
 * from. Everywhere else the statute row stands unchanged (layer 'statute'). Related charges (non-Prop 64
 * convictions in the same arrest cycle as Prop 64 relief) are added as policy rows, with their own facts;
 * Prop 64 rows keep only the policy's columns and are joined to elig_statute_determinations downstream.
 */
const rank = (col: string) =>
  `case ${col} when 'dismiss' then 3 when 'reduce' then 2 when 'review' then 1 else 0 end`
const p64Code = (t = '') => `${t}code_type = 'HS' and ${t}section in (${PROP64_SECTIONS.map(lit).join(', ')})`
function decide(rules: Rule[], prefix: string): string {
  if (rules.length === 0)
    return ['outcome', 'rule_id', 'citation', 'reason']
      .map((c) => `null::varchar as ${prefix}_${c}`)
      .concat(`[]::varchar[] as ${prefix}_rule_trail`)
      .join(',\n    ')
  const c = ruleColumns(rules)
  return [
    `${c.determination} as ${prefix}_outcome`,
    `${c.ruleId} as ${prefix}_rule_id`,
    `${c.citation} as ${prefix}_citation`,
    `${c.reason} as ${prefix}_reason`,
    `${c.trail} as ${prefix}_rule_trail`,
  ].join(',\n    ')
}

function build(ctx: ModelContext): SqlTemplate {
  return policyDeterminationsSql(ctx)
}

/**
 * The policy layer over a statute-determinations relation and the convictions its record-wide facts read.
 * Court reconciliation passes its own relations and no related charges (the court index carries no cycles).
 */
export function policyDeterminationsSql(
  ctx: ModelContext,
  src: { statute: Relation; convictions: Relation; related: boolean } = {
    statute: elig_statute_determinations,
    convictions: int_convictions,
    related: true,
  },
): SqlTemplate {
  const p = ctx.policy ?? STATUTE_POLICY
  const related = src.related ? relatedOutcome(p) : null
  // With related charges, facts and counts are read twice (anchors): compute them once.
  const once = related ? ' materialized' : ''
  return sql`
with person as (
  -- Record-wide facts the dismiss_when conditions read: every conviction, any offense, any county.
  select
    subject_id,
    max(conviction_date) as last_conviction_date,
    count(*) as convictions_on_record,
    bool_and(coalesce(${raw(p64Code())}, false)) as only_prop64,
    bool_and(coalesce(sentence_end_date <= (select as_of_date from ${ref(run_params)}), true)) as all_sentences_done
  from ${ref(src.convictions)}
  group by subject_id
),
facts as${raw(once)} (
  select
    d.*,
    r.as_of_date,
    p.last_conviction_date,
    p.convictions_on_record,
    p.only_prop64,
    p.all_sentences_done,
    ${raw(cycleOf('d'))} as cycle,
    ${raw(ageOn('d.dob', 'r.as_of_date'))} as age_on_as_of,
    ${raw(ageOn('d.dob', 'd.conviction_date'))} as age_at_conviction,
    -- The policy reaches old-law convictions of HS 11357–11360 only, never a conspiracy or an accessory.
    coalesce(${raw(POLICY_REACH('d.'))}, false) as policy_reach
  from ${ref(src.statute)} d
  cross join ${ref(run_params)} r
  left join person p using (subject_id)
),
asked as (
  select
    *,
    ${raw(decide(policyRules(p), 'policy'))}
  from facts
),
decided as (
  select
    *,
    case
      when policy_outcome is null then statute_determination
      -- A challenge only decides where the statute left the count to review.
      when policy_outcome = 'not_eligible' then
        case when statute_determination = 'review' then 'not_eligible' else statute_determination end
      when ${raw(rank('policy_outcome'))} > ${raw(rank('statute_determination'))} then policy_outcome
      else statute_determination
    end as determination
  from asked
),
counts as${raw(once)} (
  -- rule_id, citation, reason and remedy are the policy's where it changed the outcome; elsewhere they are
  -- left null here and count_determinations takes the statute's (no copy of the statute text per row).
  select
    *,
    case when determination <> statute_determination then 'policy' else 'statute' end as layer,
    case when determination <> statute_determination then policy_rule_id end as rule_id,
    case when determination <> statute_determination then policy_citation end as citation,
    case when determination <> statute_determination then policy_reason || ' Statute alone: '
        || statute_determination || ' by ' || statute_rule_id || case
          when determination = 'not_eligible' then '; the DA challenges it (HS 11361.9(c)).'
          when statute_determination = 'review' then '; the policy decides it.'
          else '; the DA asks for more than HS 11361.8 gives, in the interest of justice (PC 1385).'
        end
      end as reason,
    case when determination <> statute_determination then ${raw(remedyCase())} end as remedy,
    case when determination <> statute_determination and determination = 'reduce'
      then ${raw(reducedLevelById(policyRules(p), 'policy_rule_id'))} end as reduced_level,
    false as is_related
  from decided
)${related ? relatedCtes(p, related) : raw('')}
select ${raw(COUNT_COLUMNS.join(', '))}, ${raw(lit(p.name))} as policy_name from counts${raw(related ? `\nunion all by name\nselect *, ${lit(p.name)} as policy_name from related_decided` : '')}`
}

/** What a Prop 64 row keeps: its key, the policy facts and the policy's answer (the rest is in the statute table). */
const COUNT_COLUMNS = [
  'subject_id',
  'cnt_order',
  'is_related',
  'cycle',
  'policy_reach',
  'age_on_as_of',
  'age_at_conviction',
  'last_conviction_date',
  'convictions_on_record',
  'only_prop64',
  'all_sentences_done',
  'policy_outcome',
  'policy_rule_id',
  'policy_citation',
  'policy_reason',
  'policy_rule_trail',
  'determination',
  'layer',
  'rule_id',
  'citation',
  'reason',
  'remedy',
  'reduced_level',
]

/** Non-Prop 64 convictions of listed sections, in a cycle with Prop 64 relief (or an unconvicted Prop 64 charge). */
function relatedCtes(p: NonNullable<ModelContext['policy']>, outcome: string): SqlTemplate {
  return sql`,
anchors as (
  -- Prop 64 counts that get relief under this policy, per arrest cycle.
  select subject_id, cycle,
    'a Prop 64 count that gets relief: count ' || min(cnt_order) || ' ' || arg_min(code_section, cnt_order)
      || ' (' || arg_min(determination, cnt_order) || ')' as anchor
  from counts
  where determination in ('dismiss', 'reduce') and cycle is not null
  group by all
  union all
  -- A Prop 64 charge (arrest or count) in a cycle with no Prop 64 conviction at all: the plea-bargain case.
  select s.subject_id, s.cycle,
    'a Prop 64 charge that ended without a Prop 64 conviction: ' || min(s.code_section) as anchor
  from ${ref(int_prop64_charges)} s
  where not s.is_conviction
    and not exists (select 1 from facts f where f.subject_id = s.subject_id and f.cycle = s.cycle)
  group by all
),
related_counts as (
  select c.*, ${raw(cycleOf('c'))} as cycle, ${raw(outcome)} as related_outcome
  from ${ref(int_convictions)} c
  where not coalesce(${raw(p64Code('c.'))}, false)
    and coalesce(${raw(PRE_AUMA('c.offense_date', 'c.conviction_date'))}, false)
    -- A conviction the statute layer already decides (a PC 32 accessory tied to a Prop 64 offense) is not also a
    -- related charge.
    and not exists (
      select 1 from ${ref(elig_statute_determinations)} e where e.subject_id = c.subject_id and e.cnt_order = c.cnt_order
    )
),
related_facts as (
  select
    rc.* exclude (related_outcome),
    rc.related_outcome,
    s.dob, s.deceased, s.gender, s.race_code,
    ${raw(ageOn('s.dob', 'coalesce(rc.offense_date, rc.conviction_date)'))} as age_at_offense,
    rc.sentence_end_date > (select as_of_date from ${ref(run_params)}) as sentence_running,
    a.anchor
  from related_counts rc
  join ${ref(int_subjects)} s using (subject_id)
  join (select subject_id, cycle, min(anchor) as anchor from anchors group by all) a using (subject_id, cycle)
  where rc.related_outcome is not null
),
related_asked as (
  select *, ${raw(decide(relatedRules(p), 'policy'))}
  from related_facts
),
related_decided as (
  select
    * exclude (anchor, related_outcome),
    'not_eligible' as statute_determination,
    ${raw(RELATED_CHARGE)} as statute_rule_id,
    'HS 11361.8(a), (e)' as statute_citation,
    'Out of statute scope: HS 11361.8 reaches HS 11357–11360 and 11362.1–11362.4 only.' as statute_reason,
    ${raw(RELATED_CHARGE)} as statute_rule_trail,
    'not_eligible' as statute_remedy,
    policy_outcome as determination,
    'policy' as layer,
    policy_rule_id as rule_id,
    policy_citation as citation,
    policy_reason || ' Anchor: ' || anchor || '.' as reason,
    ${raw(remedyCase('policy_outcome'))} as remedy,
    case when policy_outcome = 'reduce' then ${raw(reducedLevelById(relatedRules(p), 'policy_rule_id'))} end
      as reduced_level,
    true as is_related
  from related_asked
  where policy_outcome is not null
)`
}

export const elig_policy_determinations: Model = {
  name: 'elig_policy_determinations',
  layer: 'determination',
  // A view, as the statute layer is: count_determinations stores what it decides.
  materialized: 'view',
  materializedWhenLarge: 'table',
  grain:
    'one row per in-scope Prop 64 conviction count, plus one per related conviction the policy reaches (subject_id, cnt_order)',
  ruleIds: POLICY_RULE_IDS,
  sql: build,
}
