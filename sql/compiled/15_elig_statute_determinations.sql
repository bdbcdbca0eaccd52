-- model:      elig_statute_determinations
-- layer:      determination (table)
-- grain:      one row per in-scope Prop 64 conviction count (subject_id, cnt_order)
-- depends on: int_prop64_counts
-- rules:      P64-TIME-01, P64-DATA-01, P64-TIME-02, P64-SCOPE-02, P64-SCOPE-03, P64-SCOPE-04, P64-DATA-03, P64-DATA-02, P64-DQ-01, P64-DQ-02, P64-DQ-03, P64-11357B-01, P64-11357-FEL, P64-11357A-01, P64-11357-UNDER21, P64-11357C-01, P64-11357D-01, P64-11357E-01, P64-11357-MINOR, P64-11357-NOSUB, P64-11358-MISD, P64-11359-MISD, P64-11360B-01, P64-11360B-02, P64-11360-MISD, P64-FEL-REDUCE, P64-MINOR-REDUCE, P64-INFRACTION, P64-REVIEW-99
create or replace table elig_statute_determinations as
with ranked as (
  select
    *,
    case
    when (offense_era = 'after') then 1 -- P64-TIME-01
    when (conviction_date is null) then 2 -- P64-DATA-01
    when (offense_era = 'unknown' and conviction_date is not null) then 3 -- P64-TIME-02
    when (is_conspiracy) then 4 -- P64-SCOPE-02
    when (is_attempt) then 5 -- P64-SCOPE-03
    when (section in ('11362.1', '11362.2', '11362.3', '11362.4')) then 6 -- P64-SCOPE-04
    when (conviction_level is null) then 7 -- P64-DATA-03
    when (age_at_offense is null and not (conviction_level = 'felony' and ( (base_section = 'HS 11357' and coalesce(subsection, '') <> 'B') or (base_section in ('HS 11358', 'HS 11359', 'HS 11360') and not prior_superstrike and not prior_pc290 and same_section_priors < 2)))) then 8 -- P64-DATA-02
    when (base_section in ('HS 11358', 'HS 11359', 'HS 11360') and conviction_level = 'felony' and age_at_offense >= 18 and prior_superstrike) then 9 -- P64-DQ-01
    when (base_section in ('HS 11358', 'HS 11359', 'HS 11360') and conviction_level = 'felony' and age_at_offense >= 18 and prior_pc290) then 10 -- P64-DQ-02
    when (base_section in ('HS 11358', 'HS 11359', 'HS 11360') and conviction_level = 'felony' and age_at_offense >= 18 and same_section_priors >= 2) then 11 -- P64-DQ-03
    when (base_section = 'HS 11357' and subsection = 'B' and age_at_offense >= 21) then 12 -- P64-11357B-01
    when (base_section = 'HS 11357' and conviction_level = 'felony') then 13 -- P64-11357-FEL
    when (base_section = 'HS 11357' and subsection = 'A' and age_at_offense >= 21 and not conviction_level = 'infraction') then 14 -- P64-11357A-01
    when (base_section = 'HS 11357' and coalesce(subsection, '') in ('A', 'B') and age_at_offense < 21 and conviction_level = 'misdemeanor') then 15 -- P64-11357-UNDER21
    when (base_section = 'HS 11357' and subsection = 'C' and age_at_offense >= 18 and conviction_level = 'misdemeanor') then 16 -- P64-11357C-01
    when (base_section = 'HS 11357' and subsection = 'D' and age_at_offense >= 18 and conviction_level = 'misdemeanor') then 17 -- P64-11357D-01
    when (base_section = 'HS 11357' and subsection = 'E' and conviction_level = 'misdemeanor') then 18 -- P64-11357E-01
    when (base_section = 'HS 11357' and age_at_offense < 18 and conviction_level = 'misdemeanor') then 19 -- P64-11357-MINOR
    when (base_section = 'HS 11357' and subsection is null and not conviction_level = 'infraction') then 20 -- P64-11357-NOSUB
    when (base_section = 'HS 11358' and conviction_level = 'misdemeanor' and age_at_offense >= 18) then 21 -- P64-11358-MISD
    when (base_section = 'HS 11359' and conviction_level = 'misdemeanor' and age_at_offense >= 18) then 22 -- P64-11359-MISD
    when (base_section = 'HS 11360' and subsection = 'B' and not conviction_level = 'felony' and age_at_offense >= 21) then 23 -- P64-11360B-01
    when (base_section = 'HS 11360' and subsection = 'B' and conviction_level = 'misdemeanor' and age_at_offense < 21) then 24 -- P64-11360B-02
    when (base_section = 'HS 11360' and coalesce(subsection, '') in ('', 'A', 'C') and conviction_level = 'misdemeanor' and age_at_offense >= 18) then 25 -- P64-11360-MISD
    when (base_section in ('HS 11358', 'HS 11359', 'HS 11360') and conviction_level = 'felony') then 26 -- P64-FEL-REDUCE
    when (base_section in ('HS 11358', 'HS 11359', 'HS 11360') and age_at_offense < 18 and conviction_level = 'misdemeanor') then 27 -- P64-MINOR-REDUCE
    when (conviction_level = 'infraction' and not (age_at_offense >= 21 and (base_section = 'HS 11357' and subsection = 'B' or base_section = 'HS 11360' and subsection = 'B'))) then 28 -- P64-INFRACTION
    when (true) then 29 -- P64-REVIEW-99
  end as statute_rule_rank,
    list_filter([
    case when (offense_era = 'after') then 'P64-TIME-01' end,
    case when (conviction_date is null) then 'P64-DATA-01' end,
    case when (offense_era = 'unknown' and conviction_date is not null) then 'P64-TIME-02' end,
    case when (is_conspiracy) then 'P64-SCOPE-02' end,
    case when (is_attempt) then 'P64-SCOPE-03' end,
    case when (section in ('11362.1', '11362.2', '11362.3', '11362.4')) then 'P64-SCOPE-04' end,
    case when (conviction_level is null) then 'P64-DATA-03' end,
    case when (age_at_offense is null and not (conviction_level = 'felony' and ( (base_section = 'HS 11357' and coalesce(subsection, '') <> 'B') or (base_section in ('HS 11358', 'HS 11359', 'HS 11360') and not prior_superstrike and not prior_pc290 and same_section_priors < 2)))) then 'P64-DATA-02' end,
    case when (base_section in ('HS 11358', 'HS 11359', 'HS 11360') and conviction_level = 'felony' and age_at_offense >= 18 and prior_superstrike) then 'P64-DQ-01' end,
    case when (base_section in ('HS 11358', 'HS 11359', 'HS 11360') and conviction_level = 'felony' and age_at_offense >= 18 and prior_pc290) then 'P64-DQ-02' end,
    case when (base_section in ('HS 11358', 'HS 11359', 'HS 11360') and conviction_level = 'felony' and age_at_offense >= 18 and same_section_priors >= 2) then 'P64-DQ-03' end,
    case when (base_section = 'HS 11357' and subsection = 'B' and age_at_offense >= 21) then 'P64-11357B-01' end,
    case when (base_section = 'HS 11357' and conviction_level = 'felony') then 'P64-11357-FEL' end,
    case when (base_section = 'HS 11357' and subsection = 'A' and age_at_offense >= 21 and not conviction_level = 'infraction') then 'P64-11357A-01' end,
    case when (base_section = 'HS 11357' and coalesce(subsection, '') in ('A', 'B') and age_at_offense < 21 and conviction_level = 'misdemeanor') then 'P64-11357-UNDER21' end,
    case when (base_section = 'HS 11357' and subsection = 'C' and age_at_offense >= 18 and conviction_level = 'misdemeanor') then 'P64-11357C-01' end,
    case when (base_section = 'HS 11357' and subsection = 'D' and age_at_offense >= 18 and conviction_level = 'misdemeanor') then 'P64-11357D-01' end,
    case when (base_section = 'HS 11357' and subsection = 'E' and conviction_level = 'misdemeanor') then 'P64-11357E-01' end,
    case when (base_section = 'HS 11357' and age_at_offense < 18 and conviction_level = 'misdemeanor') then 'P64-11357-MINOR' end,
    case when (base_section = 'HS 11357' and subsection is null and not conviction_level = 'infraction') then 'P64-11357-NOSUB' end,
    case when (base_section = 'HS 11358' and conviction_level = 'misdemeanor' and age_at_offense >= 18) then 'P64-11358-MISD' end,
    case when (base_section = 'HS 11359' and conviction_level = 'misdemeanor' and age_at_offense >= 18) then 'P64-11359-MISD' end,
    case when (base_section = 'HS 11360' and subsection = 'B' and not conviction_level = 'felony' and age_at_offense >= 21) then 'P64-11360B-01' end,
    case when (base_section = 'HS 11360' and subsection = 'B' and conviction_level = 'misdemeanor' and age_at_offense < 21) then 'P64-11360B-02' end,
    case when (base_section = 'HS 11360' and coalesce(subsection, '') in ('', 'A', 'C') and conviction_level = 'misdemeanor' and age_at_offense >= 18) then 'P64-11360-MISD' end,
    case when (base_section in ('HS 11358', 'HS 11359', 'HS 11360') and conviction_level = 'felony') then 'P64-FEL-REDUCE' end,
    case when (base_section in ('HS 11358', 'HS 11359', 'HS 11360') and age_at_offense < 18 and conviction_level = 'misdemeanor') then 'P64-MINOR-REDUCE' end,
    case when (conviction_level = 'infraction' and not (age_at_offense >= 21 and (base_section = 'HS 11357' and subsection = 'B' or base_section = 'HS 11360' and subsection = 'B'))) then 'P64-INFRACTION' end,
    case when (true) then 'P64-REVIEW-99' end
  ], x -> x is not null) as statute_rule_trail
  from int_prop64_counts
),
decided as (
  select
    ranked.*,
    r.outcome as statute_determination,
    r.rule_id as statute_rule_id,
    r.citation as statute_citation,
    r.reason as statute_reason
  from ranked
  join (values
    (1, 'P64-TIME-01', 'not_eligible', 'HS 11361.8(a), (e) ("had this Act been in effect at the time of the offense")', 'Not eligible: the offense was committed on or after 2016-11-09 (by its date, or by a CJIS code that exists only under Prop 64), so it was already charged and sentenced under Prop 64.'),
    (2, 'P64-DATA-01', 'review', 'HS 11361.8(a), (e)', 'Needs review: the conviction date is missing or unreadable, so the count cannot be placed before or after Prop 64.'),
    (3, 'P64-TIME-02', 'review', 'HS 11361.8(a), (e); People v. Lin (2018) 26 Cal.App.5th Supp. 10', 'Needs review: convicted on or after 2016-11-09 and the offense date is missing or unreadable, so it is unknown whether the old law applied.'),
    (4, 'P64-SCOPE-02', 'not_eligible', 'People v. Medina (2018) 24 Cal.App.5th 61; HS 11361.8(a), (e)', 'Not eligible under HS 11361.8: a conspiracy (PC 182) is not one of the listed sections; a PC 17(b)(3) reduction is a separate, discretionary remedy.'),
    (5, 'P64-SCOPE-03', 'review', 'HS 11361.8(a), (e); PC 664', 'Needs review: attempted offense (PC 664). No appellate decision settles whether attempts are covered; the substance test favours relief.'),
    (6, 'P64-SCOPE-04', 'review', 'HS 11361.8(a), (e); HS 11362.1–11362.4', 'Needs review: a conviction under HS 11362.1–11362.4 (conduct Prop 64 made lawful or an infraction) is decided case by case.'),
    (7, 'P64-DATA-03', 'review', 'HS 11361.8(e)–(f)', 'Needs review: the conviction level is not recorded (CONV_STAT_DESCR and OFFENSE_TOC are blank), and the relief depends on it.'),
    (8, 'P64-DATA-02', 'review', 'HS 11357, 11358, 11359, 11360 (age tiers); HS 11362.1', 'Needs review: the date of birth is missing, unreadable or after the offense date, and the relief depends on age at the offense (under 18, 18–20, 21+).'),
    (9, 'P64-DQ-01', 'not_eligible', 'HS 11358(d)(1), 11359(c)(1), 11360(a)(3)(A); PC 667(e)(2)(C)(iv); People v. Smit (2018) 24 Cal.App.5th 596', 'Not eligible for redesignation: a super-strike conviction (PC 667(e)(2)(C)(iv)) before this offense keeps it a felony.'),
    (10, 'P64-DQ-02', 'not_eligible', 'HS 11358(d)(1), 11359(c)(1), 11360(a)(3)(A); PC 290(c); People v. Smit (2018) 24 Cal.App.5th 596', 'Not eligible for redesignation: a conviction requiring PC 290(c) registration (or a PC 290 registration) before this offense keeps it a felony.'),
    (11, 'P64-DQ-03', 'review', 'HS 11358(d)(2), 11359(c)(2), 11360(a)(3)(B); HS 11361.8(b), (f)', 'Needs review (possible_two_priors): two or more earlier same-section adult convictions before this offense. Whether pre-Prop 64 felonies count as priors under the new misdemeanor tier is unsettled; the presumption of eligibility makes this a question, not a bar.'),
    (12, 'P64-11357B-01', 'dismiss', 'HS 11361.8(e)–(f); HS 11362.1(a)(1)', 'Dismiss and seal: possession of 28.5 g or less (old 11357(b)) at 21 or older is lawful under Prop 64.'),
    (13, 'P64-11357-FEL', 'reduce', 'HS 11361.8(e)–(f); HS 11357(a)–(b) as amended by Prop 64', 'Redesignate: Prop 64 left no felony possession offense (at most a misdemeanor, an infraction under 21). Dismissal of old 11357(a) would need 8 g or less of concentrate at 21+, which DOJ data does not record.'),
    (14, 'P64-11357A-01', 'review', 'HS 11361.8(e)–(f); HS 11362.1(a)(2); HS 11357(b)(2)', 'Needs review: missing fact quantity. Concentrated cannabis (old 11357(a)) at 21+ is lawful if 8 g or less (dismiss) and still a misdemeanor above that (no lesser offense).'),
    (15, 'P64-11357-UNDER21', 'reduce', 'HS 11361.8(e)–(f); HS 11357(a)(1)–(2), 11357(b)(1)', 'Redesignate as an infraction: under 21 at the offense, this possession is an infraction under Prop 64.'),
    (16, 'P64-11357C-01', 'not_eligible', 'HS 11361.8(a), (e); HS 11357(b)(2)', 'Not eligible: possession of more than 28.5 g (old 11357(c)) at 18 or older is still a misdemeanor under Prop 64, so there is no lesser offense.'),
    (17, 'P64-11357D-01', 'not_eligible', 'HS 11361.8(a), (e); HS 11357(c)', 'Not eligible: possession on school grounds by an adult (old 11357(d)) is still a misdemeanor under Prop 64 (new 11357(c)).'),
    (18, 'P64-11357E-01', 'reduce', 'HS 11361.8(e)–(f); HS 11357(d)', 'Redesignate as an infraction: possession on school grounds by a minor (old 11357(e)) is an infraction under Prop 64.'),
    (19, 'P64-11357-MINOR', 'reduce', 'HS 11361.8(e)–(f); HS 11357(a)(1), (b)(1), (d)', 'Redesignate as an infraction: under 18 at the offense, cannabis possession is an infraction under Prop 64.'),
    (20, 'P64-11357-NOSUB', 'review', 'HS 11361.8(e)–(f)', 'Needs review: missing fact subsection. HS 11357 without a subsection (pre-1976 code or unparsed text) cannot be placed in the matrix.'),
    (21, 'P64-11358-MISD', 'review', 'HS 11361.8(e)–(f); HS 11358(b)–(c); HS 11362.1(a)(3)', 'Needs review: missing fact plant count. A misdemeanor cultivation at 18+ is lawful at 21+ with 6 plants or fewer (dismiss), an infraction at 18–20 with 6 or fewer, and still a misdemeanor above 6.'),
    (22, 'P64-11359-MISD', 'not_eligible', 'HS 11361.8(a), (e); HS 11359(b)', 'Not eligible: a misdemeanor possession for sale at 18 or older is still a misdemeanor under Prop 64 (11359(b)); there is no lesser offense.'),
    (23, 'P64-11360B-01', 'dismiss', 'HS 11361.8(e)–(f); HS 11362.1(a)(1)', 'Dismiss and seal: giving away or transporting 28.5 g or less (old 11360(b)) at 21 or older is lawful under Prop 64.'),
    (24, 'P64-11360B-02', 'reduce', 'HS 11361.8(e)–(f); HS 11360(b)', 'Redesignate as an infraction: under 21 at the offense, this conduct is an infraction under Prop 64 (11360(b)).'),
    (25, 'P64-11360-MISD', 'review', 'HS 11361.8(e)–(f); HS 11360(a)(2); HS 11362.1(a)(1)', 'Needs review: missing facts sale or gift, amount, recipient age. A misdemeanor 11360 at 18+ is lawful if a gift of 28.5 g or less to an adult at 21+ (dismiss), and still a misdemeanor if a sale.'),
    (26, 'P64-FEL-REDUCE', 'reduce', 'HS 11361.8(e)–(f); HS 11358(c), 11359(b), 11360(a)(2)', 'Redesignate as a misdemeanor (an infraction if under 18): with no prior super-strike, PC 290(c) offense or two same-section priors, Prop 64 makes this a misdemeanor. Facts that would keep a felony (sale to a minor, environmental harm, interstate) are not in the data and the People bear that burden (11361.8(f)). Dismissal would need facts the data lacks (6 plants or fewer, a gift at 21+).'),
    (27, 'P64-MINOR-REDUCE', 'reduce', 'HS 11361.8(e)–(f); HS 11357–11360 as amended (under-18 tiers)', 'Redesignate as an infraction: under 18 at the offense, Prop 64 makes this cannabis offense an infraction.'),
    (28, 'P64-INFRACTION', 'not_eligible', 'HS 11361.8(a), (e)', 'Not eligible: already an infraction, and Prop 64 does not make this conduct lawful at this age, so there is no lesser offense.'),
    (29, 'P64-REVIEW-99', 'review', 'HS 11361.8(b), (f)', 'Needs review: this combination of section, subsection, level and age is not one the offense matrix decides.')
  ) as r(rule_rank, rule_id, outcome, citation, reason) on r.rule_rank = ranked.statute_rule_rank
)
select
  * exclude (statute_rule_rank),
  case
    when statute_determination in ('dismiss', 'reduce') and sentence_running then 'recall_and_resentence'
    when statute_determination = 'dismiss' then 'dismiss_and_seal'
    when statute_determination = 'reduce' then 'redesignate'
    else statute_determination
  end as statute_remedy
from decided;
comment on table elig_statute_determinations is 'one row per in-scope Prop 64 conviction count (subject_id, cnt_order); rules: P64-TIME-01, P64-DATA-01, P64-TIME-02, P64-SCOPE-02, P64-SCOPE-03, P64-SCOPE-04, P64-DATA-03, P64-DATA-02, P64-DQ-01, P64-DQ-02, P64-DQ-03, P64-11357B-01, P64-11357-FEL, P64-11357A-01, P64-11357-UNDER21, P64-11357C-01, P64-11357D-01, P64-11357E-01, P64-11357-MINOR, P64-11357-NOSUB, P64-11358-MISD, P64-11359-MISD, P64-11360B-01, P64-11360B-02, P64-11360-MISD, P64-FEL-REDUCE, P64-MINOR-REDUCE, P64-INFRACTION, P64-REVIEW-99';
