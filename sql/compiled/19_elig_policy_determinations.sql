-- model:      elig_policy_determinations
-- layer:      determination (view)
-- grain:      one row per in-scope Prop 64 conviction count, plus one per related conviction the policy reaches (subject_id, cnt_order)
-- depends on: run_params, int_convictions, elig_statute_determinations
-- rules:      DA-EXCL-SUPERSTRIKE, DA-EXCL-PC290, DA-EXCL-TWO-PRIORS, DA-FEL-DISMISS, DA-MISD-DISMISS, DA-LEVEL-DISMISS, DA-DISMISS-UNDER21, DA-DISMISS-AGE, DA-DISMISS-YEARS-SINCE, DA-DISMISS-CRIME-FREE, DA-DISMISS-ONLY-P64, DA-DISMISS-ONLY-P64-DONE, DA-DISMISS-SOLE-DONE, DA-DISMISS-DECEASED, DA-FEL-REDUCE, DA-MISD-REDUCE, DA-LEVEL-REDUCE, DA-RELATED-DISMISS, DA-RELATED-REVIEW
create or replace view elig_policy_determinations as
with person as (
  -- Record-wide facts the dismiss_when conditions read: every conviction, any offense, any county.
  select
    subject_id,
    max(conviction_date) as last_conviction_date,
    count(*) as convictions_on_record,
    bool_and(coalesce(code_type = 'HS' and section in ('11357', '11358', '11359', '11360', '11362.1', '11362.2', '11362.3', '11362.4'), false)) as only_prop64,
    bool_and(coalesce(sentence_end_date <= (select as_of_date from "run_params"), true)) as all_sentences_done
  from "int_convictions"
  group by subject_id
),
facts as (
  select
    d.*,
    r.as_of_date,
    p.last_conviction_date,
    p.convictions_on_record,
    p.only_prop64,
    p.all_sentences_done,
    coalesce(try_cast(d.cyc_order as integer), try_cast(left(d.cnt_order, 3) as integer)) as cycle,
    case when d.dob is not null and r.as_of_date >= d.dob then date_sub('year', d.dob, r.as_of_date) end as age_on_as_of,
    case when d.dob is not null and d.conviction_date >= d.dob then date_sub('year', d.dob, d.conviction_date) end as age_at_conviction,
    -- The policy reaches old-law convictions of HS 11357–11360 only, never a conspiracy or an accessory.
    coalesce(d.base_section in ('HS 11357', 'HS 11358', 'HS 11359', 'HS 11360') and d.old_law_offense
      and not d.is_conspiracy and not d.is_accessory, false) as policy_reach
  from "elig_statute_determinations" d
  cross join "run_params" r
  left join person p using (subject_id)
),
asked as (
  select
    *,
    null::varchar as policy_outcome,
    null::varchar as policy_rule_id,
    null::varchar as policy_citation,
    null::varchar as policy_reason,
    []::varchar[] as policy_rule_trail
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
      when case policy_outcome when 'dismiss' then 3 when 'reduce' then 2 when 'review' then 1 else 0 end > case statute_determination when 'dismiss' then 3 when 'reduce' then 2 when 'review' then 1 else 0 end then policy_outcome
      else statute_determination
    end as determination
  from asked
),
counts as (
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
    case when determination <> statute_determination then case
      when determination in ('dismiss', 'reduce') and sentence_running then 'recall_and_resentence'
      when determination = 'dismiss' then 'dismiss_and_seal'
      when determination = 'reduce' then 'redesignate'
      else determination
    end end as remedy,
    case when determination <> statute_determination and determination = 'reduce'
      then null::varchar end as reduced_level,
    false as is_related
  from decided
)
select subject_id, cnt_order, is_related, cycle, policy_reach, age_on_as_of, age_at_conviction, last_conviction_date, convictions_on_record, only_prop64, all_sentences_done, policy_outcome, policy_rule_id, policy_citation, policy_reason, policy_rule_trail, determination, layer, rule_id, citation, reason, remedy, reduced_level, 'statute' as policy_name from counts;
comment on view elig_policy_determinations is 'one row per in-scope Prop 64 conviction count, plus one per related conviction the policy reaches (subject_id, cnt_order); rules: DA-EXCL-SUPERSTRIKE, DA-EXCL-PC290, DA-EXCL-TWO-PRIORS, DA-FEL-DISMISS, DA-MISD-DISMISS, DA-LEVEL-DISMISS, DA-DISMISS-UNDER21, DA-DISMISS-AGE, DA-DISMISS-YEARS-SINCE, DA-DISMISS-CRIME-FREE, DA-DISMISS-ONLY-P64, DA-DISMISS-ONLY-P64-DONE, DA-DISMISS-SOLE-DONE, DA-DISMISS-DECEASED, DA-FEL-REDUCE, DA-MISD-REDUCE, DA-LEVEL-REDUCE, DA-RELATED-DISMISS, DA-RELATED-REVIEW';
