import type { Model } from '../model.ts'

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
 * One row per in-scope cannabis conviction count with every fact a rule reads, named so a rule's
 * predicate is plain SQL over this table. Facts the data lacks (quantity, plants, buyer's age) are absent on purpose.
 */
export const int_prop64_counts: Model = {
  name: 'int_prop64_counts',
  layer: 'intermediate',
  materialized: 'table',
  grain: 'one row per in-scope Prop 64 conviction count (subject_id, cnt_order)',
  dependsOn: [
    'int_convictions',
    'int_subjects',
    'int_disqualifier_events',
    'run_params',
    'ref_offense_codes',
  ],
  ruleIds: ['P64-SCOPE-01'],
  sql: () => prop64CountsSql(),
}

/** The model's SELECT over a convictions and a subjects relation (court reconciliation feeds its own). */
export const prop64CountsSql = (convictions = 'int_convictions', subjects = 'int_subjects'): string => `
with in_scope as (
  -- P64-SCOPE-01: convictions under the sections HS 11361.8(a)/(e) names.
  select c.*
  from ${convictions} c
  where c.code_type = 'HS' and c.section in (${PROP64_SECTIONS.map((s) => `'${s}'`).join(', ')})
),
coded as (
  -- The CJIS code says which law the charge was brought under: codes valid only from 2016-11-09 are
  -- Prop 64's own subsections, codes that expired on 2016-11-08 are the old law's.
  select i.*,
    o.valid_from is not null and o.valid_from::date >= date '2016-11-09' as charged_under_new_code,
    o.valid_to is not null and o.valid_to::date <= date '2016-11-08' as charged_under_old_code
  from in_scope i
  left join (select distinct cjis_code, valid_from, valid_to from ref_offense_codes) o on o.cjis_code = i.offense_code
),
dated as (
  select
    i.*,
    s.dob, s.dob_status, s.deceased, s.gender, s.race_code,
    -- The law asks what the conduct was at the time of the offense; the conviction date stands in only when
    -- the offense date is unknown (it cannot be later than the conviction).
    coalesce(i.offense_date, i.conviction_date) as eval_date,
    case
      when i.offense_date is not null then
        case when i.offense_date >= date '2016-11-09' then 'after' else 'before' end
      when i.charged_under_new_code then 'after'
      when i.conviction_date < date '2016-11-09' or i.charged_under_old_code then 'before'
      else 'unknown'
    end as offense_era
  from coded i join ${subjects} s using (subject_id)
),
aged as (
  select *,
    case when dob is not null and eval_date is not null and dob <= eval_date
      then date_sub('year', dob, eval_date) end as age_at_offense
  from dated
),
priors as (
  -- HS 11358(d)(2), 11359(c)(2), 11360(a)(3)(B): earlier same-section convictions for adult conduct, convicted
  -- before this offense (People v. Smit (2018) 24 Cal.App.5th 596: a disqualifier must already exist).
  select a.subject_id, a.cnt_order, count(p.cnt_order) as same_section_priors
  from aged a
  join aged p
    on p.subject_id = a.subject_id and p.base_section = a.base_section and p.cnt_order <> a.cnt_order
   and p.conviction_date < a.eval_date and p.age_at_offense >= 18
  where a.base_section in ('HS 11358', 'HS 11359', 'HS 11360')
  group by all
),
dq as (
  select a.subject_id, a.cnt_order,
    list_sort(list_distinct(list(e.code_section) filter (where e.kind = 'superstrike'))) as prior_superstrike_sections,
    list_sort(list_distinct(list(e.code_section) filter (where e.kind = 'pc290c'))) as prior_pc290_sections,
    bool_or(e.kind = 'pc290_registration') as prior_pc290_registration
  from aged a join int_disqualifier_events e
    on e.subject_id = a.subject_id and e.event_date < a.eval_date
  group by all
)
select
  a.*,
  coalesce(p.same_section_priors, 0) as same_section_priors,
  coalesce(dq.prior_superstrike_sections, []) as prior_superstrike_sections,
  coalesce(dq.prior_pc290_sections, []) as prior_pc290_sections,
  coalesce(dq.prior_pc290_registration, false) as prior_pc290_registration,
  len(coalesce(dq.prior_superstrike_sections, [])) > 0 as prior_superstrike,
  len(coalesce(dq.prior_pc290_sections, [])) > 0 or coalesce(dq.prior_pc290_registration, false) as prior_pc290,
  a.sentence_end_date > (select as_of_date from run_params) as sentence_running
from aged a
left join priors p using (subject_id, cnt_order)
left join dq using (subject_id, cnt_order)`
