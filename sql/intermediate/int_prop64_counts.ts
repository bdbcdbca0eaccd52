import { sql } from 'kysely'
import type { Model } from '../model.ts'
import { AUMA_EFFECTIVE } from '../helpers/sql-fragments.ts'
import { raw, ref, type SqlTemplate } from '../helpers/model-sql.ts'
import { run_params } from '../seeds/run_params.ts'
import { ref_offense_codes } from '../seeds/reference_tables.ts'
import { cycleOf as cycleText, int_prop64_charges } from './int_prop64_charges.ts'
import { int_convictions } from './int_convictions.ts'
import { int_subjects } from './int_subjects.ts'
import { int_disqualifier_events } from './int_disqualifier_events.ts'
import { int_incomplete_histories } from './int_incomplete_histories.ts'

/** Sections whose convictions HS 11361.8 reaches: 11357–11360 and 11362.1–11362.4 (not 11357.5, not 11361). */
export const PROP64_SECTIONS = [
  '11357',
  '11358',
  '11359',
  '11360',
  '11362.1',
  '11362.2',
  '11362.3',
  '11362.4',
]

/**
 * Subsections that exist only in the law as Prop 64 wrote it: old 11358 had at most (a) and (b), old 11359 at
 * most (a), and old 11360(a) had no paragraphs. A count recorded under one of them was charged under Prop 64.
 */
export const NEW_LAW_SUBSECTION = `regexp_matches(code_section, '^HS (11358\\(C\\)|11358\\(D\\)|11359\\(C\\)|11359\\(D\\)|11360\\(A\\)\\((2|3)\\))')`

/**
 * Columns of the conviction and the person that no rule, layer, mart or output reads from this table: the model
 * reads some of them (charge text, codes, qualifiers, registration dates) to derive the facts it keeps, and the
 * rest only rode along. Left out of its rows, which every count's table and the file's view carry; they stay in
 * int_convictions and int_subjects, by (subject_id, cnt_order) and subject_id. Storing them cost the model about
 * a fifth of its time (docs/scale.md, "Session 35"). A rule that needs one takes it off this list.
 */
const NOT_RULE_FACTS = [
  'charge_text',
  'offense_code',
  'qualifier_codes',
  'has_registration_qualifier',
  'disposition',
  'convicted_offense_recorded',
  'cycle_age',
  'conviction_date_status',
  'offense_date_status',
  'sentence_days',
  'sentence_months',
  'sentence_years',
  'sentence_parts_unreadable',
  'sentence_text',
  'offense_after_auma',
  'conviction_after_auma',
  'charged_under_new_code',
  'charged_under_old_code',
  'new_law_subsection',
  'pc290_registered',
  'pc290_registration_date',
  'pc290_registration_undated',
] as const

/** Those the model's last steps still read (the qualifier text, the registration checks): dropped at its end. */
const READ_TO_THE_END: readonly string[] = ['qualifier_codes', 'pc290_registered', 'pc290_registration_date']
/** The others are dropped before the counts are aged, so that its materialized rows do not carry them either. */
const DROPPED_BEFORE_AGED = NOT_RULE_FACTS.filter((c) => !READ_TO_THE_END.includes(c))

/** int_prop64_charges' arrest cycle of a row of `t`, as a template fragment. */
const cycleOf = (t: string) => raw(cycleText(t))

const inList = (xs: string[]) => raw(xs.map((x) => `'${x}'`).join(', '))
const auma = raw(AUMA_EFFECTIVE)

/**
 * One row per in-scope cannabis conviction count with every fact a rule reads, named so a rule's
 * predicate is plain SQL over this table. Facts the data lacks (quantity, plants, buyer's age) are absent on purpose.
 */
export const int_prop64_counts: Model = {
  name: 'int_prop64_counts',
  layer: 'intermediate',
  materialized: 'table',
  // The database file keeps it as a view (of the tables it reads, which the file keeps): copying its 64 columns
  // cost the run about 1.8 CPU-s at 2M lines.
  persistAs: 'view',
  grain: 'one row per in-scope Prop 64 conviction count (subject_id, cnt_order)',
  ruleIds: ['P64-SCOPE-01'],
  sql: () => prop64CountsSql(),
}

/**
 * The relations the model reads; court reconciliation feeds its own convictions and people. Each is a ref() of a
 * model (so it is a declared dependency) or, for a relation with no model, SQL text as raw().
 */
export interface Prop64CountsInputs {
  convictions: SqlTemplate
  subjects: SqlTemplate
  /** (subject_id, cycle) of every Prop 64 charge at any step (arrest, filing, court): what a PC 32 accessory can be tied to. */
  cycles: SqlTemplate
  /** People whose record had a rejected line. */
  incomplete: SqlTemplate
  /**
   * The conviction event a prior belongs to (priors are counted per event, not per count), over prior row `p`.
   * DOJ: the cycle and court step, the first six characters of CNT_ORDER.
   */
  priorEvent: SqlTemplate
}

const DOJ_INPUTS: Prop64CountsInputs = {
  convictions: ref(int_convictions),
  subjects: ref(int_subjects),
  cycles: sql`select subject_id, cycle from ${ref(int_prop64_charges)}`,
  incomplete: ref(int_incomplete_histories),
  priorEvent: raw('left(p.cnt_order, 6)'),
}

/** The model's SELECT over its input relations (the DOJ's by default). */
export const prop64CountsSql = (inputs: Partial<Prop64CountsInputs> = {}): SqlTemplate => {
  const src = { ...DOJ_INPUTS, ...inputs }
  return sql`
with prop64_cycles as (
  -- Arrest cycles with a Prop 64 charge at any step (arrest, filing, court): what a PC 32 accessory can be tied to.
  select distinct subject_id, cycle from (${src.cycles}) c
),
in_scope as (
  -- P64-SCOPE-01: convictions under the sections HS 11361.8(a)/(e) names, judged by the convicted offense.
  -- Also a PC 32 accessory tied to a Prop 64 offense (same cycle, or the charge names one): People v. Boatwright
  -- (2019) 36 Cal.App.5th 848 holds it not categorically outside 11361.8, so it must not be silently absent.
  -- The cycle is matched by a plain left join (one row per cycle, so no count is doubled): an EXISTS inside the OR
  -- made DuckDB carry every conviction through a mark join.
  select c.*, c.base_section = 'PC 32' or c.is_accessory as is_accessory_count
  from ${src.convictions} c
  left join prop64_cycles p on p.subject_id = c.subject_id and p.cycle = ${cycleOf('c')}
  where (c.code_type = 'HS' and c.section in (${inList(PROP64_SECTIONS)}))
     or (c.base_section = 'PC 32' and (
          regexp_matches(coalesce(c.charge_text, ''), '\\b(1135[789]|11360)\\b')
          or regexp_matches(coalesce(c.charged_code_section, ''), '^HS (1135[789]|11360)\\b')
          or p.subject_id is not null))
),
coded as (
  -- The CJIS code says which law the charge was brought under: codes valid only from 2016-11-09 are
  -- Prop 64's own subsections, codes that expired on 2016-11-08 are the old law's. Subsection letters that only
  -- Prop 64 wrote say the same without a code.
  select i.* exclude (is_accessory, is_accessory_count), i.is_accessory_count as is_accessory,
    o.valid_from is not null and o.valid_from::date >= ${auma} as charged_under_new_code,
    o.valid_to is not null and o.valid_to::date < ${auma} as charged_under_old_code,
    coalesce(${raw(NEW_LAW_SUBSECTION)}, false) as new_law_subsection
  from in_scope i
  left join (select distinct cjis_code, valid_from, valid_to from ${ref(ref_offense_codes)}) o on o.cjis_code = i.offense_code
),
dated as (
  select
    i.*,
    i.charged_under_new_code or i.new_law_subsection as charged_under_new_law,
    -- The record contradicts itself: an old-law code on a post-Prop 64 arrest or on a Prop 64 subsection, or a
    -- Prop 64 code or subsection on a conviction entered before Prop 64 existed.
    coalesce((i.charged_under_old_code and (i.offense_date >= ${auma} or i.new_law_subsection))
      or ((i.charged_under_new_code or i.new_law_subsection) and i.conviction_date < ${auma}), false)
      as law_conflict,
    s.dob, s.dob_status, s.deceased, s.gender, s.race_code,
    s.pc290_registered, s.pc290_registration_date, s.pc290_registration_undated,
    -- The law asks what the conduct was at the time of the offense; the conviction date stands in only when
    -- the offense date is unknown (it cannot be later than the conviction).
    coalesce(i.offense_date, i.conviction_date) as eval_date,
    case
      when i.offense_date is not null then
        case when i.offense_date >= ${auma} then 'after' else 'before' end
      when i.charged_under_new_code or i.new_law_subsection then 'after'
      when i.conviction_date < ${auma} or i.charged_under_old_code then 'before'
      else 'unknown'
    end as offense_era
  from coded i join ${src.subjects} s using (subject_id)
),
aged as (
  -- Age at the offense from the DOB; where the DOB is missing, unreadable or after the offense, CYC_AGE (the age at
  -- the arrest that began the cycle, which is the offense date this model uses).
  select * exclude (${raw(DROPPED_BEFORE_AGED.join(', '))}),
    case when dob is not null and eval_date is not null and dob <= eval_date then date_sub('year', dob, eval_date)
      else cycle_age end as age_at_offense,
    case when dob is not null and eval_date is not null and dob <= eval_date then 'dob'
      when cycle_age is not null then 'cyc_age' end as age_source,
    offense_era = 'before' and not charged_under_new_law and not law_conflict as old_law_offense
  from dated
),
priors as (
  -- HS 11358(d)(2), 11359(c)(2), 11360(a)(3)(B): two or more prior convictions under the new misdemeanor tier of
  -- the same section: 11358(c), 11359(b), 11360(a)(2). Counted per conviction event (court step: the first six
  -- characters of CNT_ORDER), for adult conduct, convicted before this offense (People v. Smit (2018) 24
  -- Cal.App.5th 596), of the same subdivision (an 11360(b) gift/transport of 28.5 g or less is not 11360(a)), and
  -- not attempts, conspiracies or accessories (not convictions "under" the subdivision; strict reading).
  select a.subject_id, a.cnt_order, count(distinct ${src.priorEvent}) as same_section_priors
  from aged a
  join aged p
    on p.subject_id = a.subject_id and p.base_section = a.base_section and p.cnt_order <> a.cnt_order
   and p.conviction_date < a.eval_date and p.age_at_offense >= 18
   and not (p.is_attempt or p.is_conspiracy or p.is_accessory)
   and (p.base_section <> 'HS 11360' or coalesce(p.subsection, 'A') = 'A')
  where a.base_section in ('HS 11358', 'HS 11359', 'HS 11360')
  group by all
),
dq as (
  select a.subject_id, a.cnt_order,
    list_sort(list_distinct(list(e.code_section) filter (where e.kind = 'superstrike' and e.event_date < a.eval_date)))
      as prior_superstrike_sections,
    list_sort(list_distinct(list(e.code_section) filter (where e.kind = 'pc290c' and e.event_date < a.eval_date)))
      as prior_pc290_sections,
    coalesce(bool_or(e.kind = 'pc290_registration' and e.event_date < a.eval_date), false) as prior_pc290_registration,
    -- A registrable conviction in the record (PC 290(c) or court-ordered) that explains the registration steps:
    -- entered no later than the first dated registration (any, when every registration is undated).
    coalesce(bool_or(e.kind in ('pc290c', 'court_ordered_registration')
      and (a.pc290_registration_date is null or e.event_date <= a.pc290_registration_date)), false)
      as registration_explained
  from aged a join ${ref(int_disqualifier_events)} e on e.subject_id = a.subject_id
  group by all
),
-- The counts that have priors or disqualifier events (one in eight at 1M lines), with those facts: a narrow table the wide rows
-- of aged are joined to once. Joined to priors and dq directly, aged was the join's build side (DuckDB estimated the
-- priors' self-join far above aged), and every wide row was copied into its hash table: at 1M lines this model
-- took 0.71 s against 0.53 s.
extras as (
  select k.subject_id, k.cnt_order, p.same_section_priors, dq.prior_superstrike_sections, dq.prior_pc290_sections,
    dq.prior_pc290_registration, dq.registration_explained
  from (select subject_id, cnt_order from aged) k
  left join priors p using (subject_id, cnt_order)
  left join dq using (subject_id, cnt_order)
  where p.subject_id is not null or dq.subject_id is not null
)
select
  a.* exclude (${raw(READ_TO_THE_END.join(', '))}),
  coalesce(ex.same_section_priors, 0) as same_section_priors,
  coalesce(ex.prior_superstrike_sections, []) as prior_superstrike_sections,
  coalesce(ex.prior_pc290_sections, []) as prior_pc290_sections,
  coalesce(ex.prior_pc290_registration, false) as prior_pc290_registration,
  len(coalesce(ex.prior_superstrike_sections, [])) > 0 as prior_superstrike,
  -- PC 290(c) as the statute names it: a conviction of a listed offense before this offense.
  len(coalesce(ex.prior_pc290_sections, [])) > 0 as prior_pc290,
  -- A registration the record does not explain: the registrable conviction (and so whether it is a 290(c)
  -- offense, and when it was entered) is missing. Not when a 290(c) conviction before the offense decides anyway.
  a.pc290_registered and not coalesce(ex.registration_explained, false)
    and not len(coalesce(ex.prior_pc290_sections, [])) > 0 as pc290_registration_unexplained,
  a.sentence_end_date > (select as_of_date from ${ref(run_params)}) as sentence_running,
  -- "EB (conspiracy); BI (attempt)": the DOJ qualifiers of the convicted offense, for explain and the outputs.
  nullif(array_to_string(list_transform(a.qualifier_codes,
    x -> split_part(x, ':', 1) || ' (' || lower(split_part(x, ':', 2)) || ')'), '; '), '') as qualifier_text,
  ih.rejected_line_refs as incomplete_history_lines
from aged a
left join extras ex using (subject_id, cnt_order)
left join ${src.incomplete} ih using (subject_id)`
}
