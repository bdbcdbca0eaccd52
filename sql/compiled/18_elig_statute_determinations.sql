-- model:      elig_statute_determinations
-- layer:      determination (view)
-- grain:      one row per in-scope Prop 64 conviction count (subject_id, cnt_order)
-- depends on: int_prop64_counts
-- rules:      P64-DATA-04, P64-TIME-04, P64-TIME-01, P64-TIME-03, P64-DATA-01, P64-TIME-02, P64-SCOPE-02, P64-SCOPE-05, P64-SCOPE-03, P64-SCOPE-04, P64-DATA-03, P64-DATA-02, P64-DQ-01, P64-DQ-02, P64-DQ-04, P64-DQ-05, P64-DQ-06, P64-DQ-03, P64-11357B-01, P64-11357-FEL, P64-11357A-01, P64-11357A-02, P64-11357-UNDER21, P64-11357C-01, P64-11357D-01, P64-11357E-01, P64-11357-MINOR, P64-11357-NOSUB, P64-11358-MISD, P64-11359-MISD, P64-11360B-01, P64-11360B-02, P64-11360-MISD, P64-FEL-REDUCE, P64-MINOR-REDUCE, P64-INFRACTION, P64-REVIEW-99
create or replace view elig_statute_determinations as
with ranked as (
  select
    *,
    case
    when (incomplete_history_lines is not null) then 1 -- P64-DATA-04
    when (law_conflict) then 2 -- P64-TIME-04
    when (offense_era = 'after') then 3 -- P64-TIME-01
    when (charged_under_new_law) then 4 -- P64-TIME-03
    when (conviction_date is null) then 5 -- P64-DATA-01
    when (offense_era = 'unknown' and conviction_date is not null) then 6 -- P64-TIME-02
    when (is_conspiracy) then 7 -- P64-SCOPE-02
    when (is_accessory) then 8 -- P64-SCOPE-05
    when (is_attempt) then 9 -- P64-SCOPE-03
    when (code_type = 'HS' and section in ('11362.1', '11362.2', '11362.3', '11362.4')) then 10 -- P64-SCOPE-04
    when (conviction_level is null) then 11 -- P64-DATA-03
    when (age_at_offense is null and not (conviction_level = 'felony' and ( (base_section = 'HS 11357' and coalesce(subsection, '') <> 'B') or (base_section in ('HS 11358', 'HS 11359', 'HS 11360') and not (prior_superstrike or prior_pc290 or pc290_registration_unexplained or same_section_priors >= 2))))) then 12 -- P64-DATA-02
    when (base_section = 'HS 11359' and conviction_level = 'felony' and age_at_offense >= 18 and prior_superstrike) then 13 -- P64-DQ-01
    when (base_section = 'HS 11359' and conviction_level = 'felony' and age_at_offense >= 18 and prior_pc290) then 14 -- P64-DQ-02
    when (base_section = 'HS 11358' and conviction_level = 'felony' and age_at_offense >= 18 and (prior_superstrike or prior_pc290 or pc290_registration_unexplained or same_section_priors >= 2)) then 15 -- P64-DQ-04
    when (base_section = 'HS 11360' and conviction_level = 'felony' and age_at_offense >= 18 and (prior_superstrike or prior_pc290 or pc290_registration_unexplained or same_section_priors >= 2)) then 16 -- P64-DQ-05
    when (base_section = 'HS 11359' and conviction_level = 'felony' and age_at_offense >= 18 and pc290_registration_unexplained) then 17 -- P64-DQ-06
    when (base_section in ('HS 11358', 'HS 11359', 'HS 11360') and conviction_level = 'felony' and age_at_offense >= 18 and same_section_priors >= 2) then 18 -- P64-DQ-03
    when (base_section = 'HS 11357' and subsection = 'B' and age_at_offense >= 21) then 19 -- P64-11357B-01
    when (base_section = 'HS 11357' and conviction_level = 'felony') then 20 -- P64-11357-FEL
    when (base_section = 'HS 11357' and subsection = 'A' and age_at_offense >= 21 and not conviction_level = 'infraction') then 21 -- P64-11357A-01
    when (base_section = 'HS 11357' and subsection = 'A' and age_at_offense >= 18 and age_at_offense < 21 and conviction_level = 'misdemeanor') then 22 -- P64-11357A-02
    when (base_section = 'HS 11357' and ((coalesce(subsection, '') = 'B' and age_at_offense < 21) or (subsection = 'A' and age_at_offense < 18)) and conviction_level = 'misdemeanor') then 23 -- P64-11357-UNDER21
    when (base_section = 'HS 11357' and subsection = 'C' and age_at_offense >= 18 and conviction_level = 'misdemeanor') then 24 -- P64-11357C-01
    when (base_section = 'HS 11357' and subsection = 'D' and age_at_offense >= 18 and conviction_level = 'misdemeanor') then 25 -- P64-11357D-01
    when (base_section = 'HS 11357' and subsection = 'E' and conviction_level = 'misdemeanor') then 26 -- P64-11357E-01
    when (base_section = 'HS 11357' and age_at_offense < 18 and conviction_level = 'misdemeanor') then 27 -- P64-11357-MINOR
    when (base_section = 'HS 11357' and subsection is null and not conviction_level = 'infraction') then 28 -- P64-11357-NOSUB
    when (base_section = 'HS 11358' and conviction_level = 'misdemeanor' and age_at_offense >= 18) then 29 -- P64-11358-MISD
    when (base_section = 'HS 11359' and conviction_level = 'misdemeanor' and age_at_offense >= 18) then 30 -- P64-11359-MISD
    when (base_section = 'HS 11360' and subsection = 'B' and not conviction_level = 'felony' and age_at_offense >= 21) then 31 -- P64-11360B-01
    when (base_section = 'HS 11360' and subsection = 'B' and conviction_level = 'misdemeanor' and age_at_offense < 21) then 32 -- P64-11360B-02
    when (base_section = 'HS 11360' and coalesce(subsection, '') in ('', 'A', 'C') and conviction_level = 'misdemeanor' and age_at_offense >= 18) then 33 -- P64-11360-MISD
    when (base_section in ('HS 11358', 'HS 11359', 'HS 11360') and conviction_level = 'felony') then 34 -- P64-FEL-REDUCE
    when (base_section in ('HS 11358', 'HS 11359', 'HS 11360') and age_at_offense < 18 and conviction_level = 'misdemeanor') then 35 -- P64-MINOR-REDUCE
    when (conviction_level = 'infraction' and not (age_at_offense >= 21 and (base_section = 'HS 11357' and subsection = 'B' or base_section = 'HS 11360' and subsection = 'B'))) then 36 -- P64-INFRACTION
    when (true) then 37 -- P64-REVIEW-99
  end as statute_rule_rank,
    -- Every rule that holds, in order, as text (ruleTrailText).
    concat_ws(' > ',
    case when (incomplete_history_lines is not null) then 'P64-DATA-04' end,
    case when (law_conflict) then 'P64-TIME-04' end,
    case when (offense_era = 'after') then 'P64-TIME-01' end,
    case when (charged_under_new_law) then 'P64-TIME-03' end,
    case when (conviction_date is null) then 'P64-DATA-01' end,
    case when (offense_era = 'unknown' and conviction_date is not null) then 'P64-TIME-02' end,
    case when (is_conspiracy) then 'P64-SCOPE-02' end,
    case when (is_accessory) then 'P64-SCOPE-05' end,
    case when (is_attempt) then 'P64-SCOPE-03' end,
    case when (code_type = 'HS' and section in ('11362.1', '11362.2', '11362.3', '11362.4')) then 'P64-SCOPE-04' end,
    case when (conviction_level is null) then 'P64-DATA-03' end,
    case when (age_at_offense is null and not (conviction_level = 'felony' and ( (base_section = 'HS 11357' and coalesce(subsection, '') <> 'B') or (base_section in ('HS 11358', 'HS 11359', 'HS 11360') and not (prior_superstrike or prior_pc290 or pc290_registration_unexplained or same_section_priors >= 2))))) then 'P64-DATA-02' end,
    case when (base_section = 'HS 11359' and conviction_level = 'felony' and age_at_offense >= 18 and prior_superstrike) then 'P64-DQ-01' end,
    case when (base_section = 'HS 11359' and conviction_level = 'felony' and age_at_offense >= 18 and prior_pc290) then 'P64-DQ-02' end,
    case when (base_section = 'HS 11358' and conviction_level = 'felony' and age_at_offense >= 18 and (prior_superstrike or prior_pc290 or pc290_registration_unexplained or same_section_priors >= 2)) then 'P64-DQ-04' end,
    case when (base_section = 'HS 11360' and conviction_level = 'felony' and age_at_offense >= 18 and (prior_superstrike or prior_pc290 or pc290_registration_unexplained or same_section_priors >= 2)) then 'P64-DQ-05' end,
    case when (base_section = 'HS 11359' and conviction_level = 'felony' and age_at_offense >= 18 and pc290_registration_unexplained) then 'P64-DQ-06' end,
    case when (base_section in ('HS 11358', 'HS 11359', 'HS 11360') and conviction_level = 'felony' and age_at_offense >= 18 and same_section_priors >= 2) then 'P64-DQ-03' end,
    case when (base_section = 'HS 11357' and subsection = 'B' and age_at_offense >= 21) then 'P64-11357B-01' end,
    case when (base_section = 'HS 11357' and conviction_level = 'felony') then 'P64-11357-FEL' end,
    case when (base_section = 'HS 11357' and subsection = 'A' and age_at_offense >= 21 and not conviction_level = 'infraction') then 'P64-11357A-01' end,
    case when (base_section = 'HS 11357' and subsection = 'A' and age_at_offense >= 18 and age_at_offense < 21 and conviction_level = 'misdemeanor') then 'P64-11357A-02' end,
    case when (base_section = 'HS 11357' and ((coalesce(subsection, '') = 'B' and age_at_offense < 21) or (subsection = 'A' and age_at_offense < 18)) and conviction_level = 'misdemeanor') then 'P64-11357-UNDER21' end,
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
  ) as statute_rule_trail
  from "int_prop64_counts"
),
decided as (
  select
    ranked.*,
    r.outcome as statute_determination,
    r.rule_id as statute_rule_id,
    r.citation as statute_citation,
    -- By rank in `rules`, the list ranked above: the court path inserts a rule of its own, so another list's
    -- ranks would name the wrong rule's detail and level.
    r.reason as statute_rule_reason,
    case ranked.statute_rule_rank when 1 then ('Lines not read: ' || incomplete_history_lines || '.') end as statute_reason_detail,
    case ranked.statute_rule_rank
    when 20 then (case when age_at_offense < 18 then 'infraction' else 'misdemeanor' end) -- P64-11357-FEL
    when 23 then 'infraction' -- P64-11357-UNDER21
    when 26 then 'infraction' -- P64-11357E-01
    when 27 then 'infraction' -- P64-11357-MINOR
    when 32 then 'infraction' -- P64-11360B-02
    when 34 then (case when age_at_offense < 18 then 'infraction' else 'misdemeanor' end) -- P64-FEL-REDUCE
    when 35 then 'infraction' -- P64-MINOR-REDUCE
  end as statute_reduced_level
  from ranked
  join (values
    (1, 'P64-DATA-04', 'review', 'HS 11361.8(b), (f); HS 11358(d), 11359(c), 11360(a)(3) (disqualifying priors read from the whole record)', 'Needs review: a line of this person''s record could not be read and was set aside (rejects.csv), so a disqualifying prior, a same-section prior or a sentence part may be missing.'),
    (2, 'P64-TIME-04', 'review', 'HS 11361.8(a), (e); CJIS code table', 'Needs review (code_date_conflict): the CJIS code or subsection and the dates disagree (an old-law-only code with an arrest on or after 2016-11-09 or on a Prop 64 subsection, or a Prop 64-only code on a conviction entered before 2016-11-09). Which law the count was decided under must be read from the court file.'),
    (3, 'P64-TIME-01', 'not_eligible', 'HS 11361.8(a), (e) ("had this Act been in effect at the time of the offense")', 'Not eligible: the offense was committed on or after 2016-11-09 (by its date, or by a CJIS code that exists only under Prop 64), so it was already charged and sentenced under Prop 64.'),
    (4, 'P64-TIME-03', 'not_eligible', 'HS 11361.8(a), (e); In re Estrada (1965) 63 Cal.2d 740; People v. Lin (2018) 26 Cal.App.5th Supp. 10; CJIS code table', 'Not eligible: convicted under a CJIS code or subsection that exists only under Prop 64 (e.g. 35431, 35437, 35448, 35452, 35453; 11358(C)/(D), 11359(C)/(D), 11360(A)(2)/(3)), so it was already sentenced under Prop 64 whatever the arrest date says; there is no lesser offense to redesignate to.'),
    (5, 'P64-DATA-01', 'review', 'HS 11361.8(a), (e)', 'Needs review: the conviction date is missing or unreadable, so the count cannot be placed before or after Prop 64.'),
    (6, 'P64-TIME-02', 'review', 'HS 11361.8(a), (e); People v. Lin (2018) 26 Cal.App.5th Supp. 10', 'Needs review: convicted on or after 2016-11-09 and the offense date is missing or unreadable, so it is unknown whether the old law applied.'),
    (7, 'P64-SCOPE-02', 'not_eligible', 'People v. Medina (2018) 24 Cal.App.5th 61; HS 11361.8(a), (e)', 'Not eligible under HS 11361.8: a conspiracy (PC 182; DOJ qualifier EB–EG or 182) is not one of the listed sections, and no policy can make it Prop 64 relief. A PC 17(b)(3) reduction or a PC 1385 dismissal is a separate, discretionary remedy.'),
    (8, 'P64-SCOPE-05', 'review', 'People v. Boatwright (2019) 36 Cal.App.5th 848; HS 11361.8(a), (e); PC 32', 'Needs review: accessory after the fact (PC 32; DOJ qualifier CS or a PC 32 conviction) tied to a Prop 64 offense. It is not categorically outside HS 11361.8: if Prop 64 leaves no felony to be an accessory to, relief may follow (Boatwright).'),
    (9, 'P64-SCOPE-03', 'review', 'HS 11361.8(a), (e); PC 664', 'Needs review: attempted offense (PC 664; DOJ qualifier AB, BI–BL or 664, or EH: federal attempt or conspiracy). No appellate decision settles whether attempts are covered; the substance test favours relief.'),
    (10, 'P64-SCOPE-04', 'review', 'HS 11361.8(a), (e); HS 11362.1–11362.4', 'Needs review: a conviction under HS 11362.1–11362.4 (conduct Prop 64 made lawful or an infraction) is decided case by case.'),
    (11, 'P64-DATA-03', 'review', 'HS 11361.8(e)–(f)', 'Needs review: the conviction level is not recorded (CONV_STAT_DESCR and OFFENSE_TOC are blank), and the relief depends on it.'),
    (12, 'P64-DATA-02', 'review', 'HS 11357, 11358, 11359, 11360 (age tiers); HS 11362.1', 'Needs review: the date of birth is missing, unreadable or after the offense date and CYC_AGE is blank, and the relief depends on age at the offense (under 18, 18–20, 21+).'),
    (13, 'P64-DQ-01', 'not_eligible', 'HS 11359(c)(1); PC 667(e)(2)(C)(iv); People v. Smit (2018) 24 Cal.App.5th 596', 'Not eligible for redesignation: a super-strike conviction (PC 667(e)(2)(C)(iv)) before this offense keeps a felony possession for sale a felony (11359(c)(1)).'),
    (14, 'P64-DQ-02', 'not_eligible', 'HS 11359(c)(1); PC 290(c); People v. Smit (2018) 24 Cal.App.5th 596', 'Not eligible for redesignation: a conviction of an offense requiring PC 290(c) registration (attempts included) before this offense keeps a felony possession for sale a felony (11359(c)(1)).'),
    (15, 'P64-DQ-04', 'review', 'HS 11358(c), (d)(1)–(2); HS 11362.1(a)(3); HS 11361.8(b), (f); People v. Smit (2018) 24 Cal.App.5th 596', 'Needs review: missing fact plant count. With a prior super-strike, PC 290(c) offense, PC 290 registration or two same-section priors, a felony cultivation stays a felony only with more than six plants (11358(d)); six or fewer is lawful at 21+ (11362.1(a)(3)). DOJ data does not record plants.'),
    (16, 'P64-DQ-05', 'review', 'HS 11360(a)(2)–(3); HS 11362.1(a)(1); HS 11361.8(b), (f); docs/legal-basis.md §8 item 2 (AB 730: transport means transport for sale)', 'Needs review: missing fact sale or transport for sale. With a prior super-strike, PC 290(c) offense, PC 290 registration or two same-section priors, a felony 11360 stays a felony only for a sale, a transport for sale or a gift of more than 28.5 g (11360(a)(3)); a gift of 28.5 g or less at 21+ or a personal-use transport is lawful. DOJ data does not say which.'),
    (17, 'P64-DQ-06', 'review', 'HS 11359(c)(1); PC 290(c); HS 11361.8(b), (f); People v. Smit (2018) 24 Cal.App.5th 596', 'Needs review: missing fact the registrable conviction. A PC 290 registration step (dated or not) proves that some registrable conviction exists, not that it is a PC 290(c) offense or that it was entered before this offense; the conviction itself is not in the record.'),
    (18, 'P64-DQ-03', 'review', 'HS 11358(d)(2), 11359(c)(2), 11360(a)(3)(B); HS 11361.8(b), (f)', 'Needs review (possible_two_priors): two or more earlier same-section adult convictions before this offense. Whether pre-Prop 64 felonies count as priors under the new misdemeanor tier is unsettled; the presumption of eligibility makes this a question, not a bar.'),
    (19, 'P64-11357B-01', 'dismiss', 'HS 11361.8(e)–(f); HS 11362.1(a)(1)', 'Dismiss and seal: possession of 28.5 g or less (old 11357(b)) at 21 or older is lawful under Prop 64.'),
    (20, 'P64-11357-FEL', 'reduce', 'HS 11361.8(e)–(f); HS 11357(a)–(b) as amended by Prop 64', 'Redesignate: Prop 64 left no felony possession offense (at most a misdemeanor, an infraction under 21). Dismissal of old 11357(a) would need 8 g or less of concentrate at 21+, which DOJ data does not record.'),
    (21, 'P64-11357A-01', 'review', 'HS 11361.8(e)–(f); HS 11362.1(a)(2); HS 11357(b)(2)', 'Needs review: missing fact quantity. Concentrated cannabis (old 11357(a)) at 21+ is lawful if 8 g or less (dismiss) and still a misdemeanor above that (no lesser offense).'),
    (22, 'P64-11357A-02', 'review', 'HS 11361.8(e)–(f); HS 11357(a)(2), (b)(2)', 'Needs review: missing fact quantity. Concentrated cannabis (old 11357(a)) at 18–20 is an infraction only at 8 g or less (redesignate as an infraction) and still a misdemeanor above that (no lesser offense).'),
    (23, 'P64-11357-UNDER21', 'reduce', 'HS 11361.8(e)–(f); HS 11357(a)(1)–(2), 11357(b)(1)', 'Redesignate as an infraction: under 21 at the offense (under 18 for concentrate), this possession is an infraction under Prop 64.'),
    (24, 'P64-11357C-01', 'not_eligible', 'HS 11361.8(a), (e); HS 11357(b)(2)', 'Not eligible: possession of more than 28.5 g (old 11357(c)) at 18 or older is still a misdemeanor under Prop 64, so there is no lesser offense.'),
    (25, 'P64-11357D-01', 'not_eligible', 'HS 11361.8(a), (e); HS 11357(c)', 'Not eligible: possession on school grounds by an adult (old 11357(d)) is still a misdemeanor under Prop 64 (new 11357(c)).'),
    (26, 'P64-11357E-01', 'reduce', 'HS 11361.8(e)–(f); HS 11357(d)', 'Redesignate as an infraction: possession on school grounds by a minor (old 11357(e)) is an infraction under Prop 64.'),
    (27, 'P64-11357-MINOR', 'reduce', 'HS 11361.8(e)–(f); HS 11357(a)(1), (b)(1), (d)', 'Redesignate as an infraction: under 18 at the offense, cannabis possession is an infraction under Prop 64.'),
    (28, 'P64-11357-NOSUB', 'review', 'HS 11361.8(e)–(f)', 'Needs review: missing fact subsection. HS 11357 without a subsection (pre-1976 code or unparsed text) cannot be placed in the matrix.'),
    (29, 'P64-11358-MISD', 'review', 'HS 11361.8(e)–(f); HS 11358(b)–(c); HS 11362.1(a)(3)', 'Needs review: missing fact plant count. A misdemeanor cultivation at 18+ is lawful at 21+ with 6 plants or fewer (dismiss), an infraction at 18–20 with 6 or fewer, and still a misdemeanor above 6.'),
    (30, 'P64-11359-MISD', 'not_eligible', 'HS 11361.8(a), (e); HS 11359(b)', 'Not eligible: a misdemeanor possession for sale at 18 or older is still a misdemeanor under Prop 64 (11359(b)); there is no lesser offense.'),
    (31, 'P64-11360B-01', 'dismiss', 'HS 11361.8(e)–(f); HS 11362.1(a)(1)', 'Dismiss and seal: giving away or transporting 28.5 g or less (old 11360(b)) at 21 or older is lawful under Prop 64.'),
    (32, 'P64-11360B-02', 'reduce', 'HS 11361.8(e)–(f); HS 11360(b)', 'Redesignate as an infraction: under 21 at the offense, this conduct is an infraction under Prop 64 (11360(b)).'),
    (33, 'P64-11360-MISD', 'review', 'HS 11361.8(e)–(f); HS 11360(a)(2); HS 11362.1(a)(1)', 'Needs review: missing facts sale or gift, amount, recipient age. A misdemeanor 11360 at 18+ is lawful if a gift of 28.5 g or less to an adult at 21+ (dismiss), and still a misdemeanor if a sale.'),
    (34, 'P64-FEL-REDUCE', 'reduce', 'HS 11361.8(e)–(f); HS 11358(c), 11359(b), 11360(a)(2)', 'Redesignate as a misdemeanor (an infraction if under 18): with no prior super-strike, PC 290(c) offense or two same-section priors, Prop 64 makes this a misdemeanor. Facts that would keep a felony (sale to a minor, environmental harm, interstate) are not in the data and the People bear that burden (11361.8(f)). Dismissal would need facts the data lacks (6 plants or fewer, a gift at 21+).'),
    (35, 'P64-MINOR-REDUCE', 'reduce', 'HS 11361.8(e)–(f); HS 11357–11360 as amended (under-18 tiers)', 'Redesignate as an infraction: under 18 at the offense, Prop 64 makes this cannabis offense an infraction.'),
    (36, 'P64-INFRACTION', 'not_eligible', 'HS 11361.8(a), (e)', 'Not eligible: already an infraction, and Prop 64 does not make this conduct lawful at this age, so there is no lesser offense.'),
    (37, 'P64-REVIEW-99', 'review', 'HS 11361.8(b), (f)', 'Needs review: this combination of section, subsection, level and age is not one the offense matrix decides.')
  ) as r(rule_rank, rule_id, outcome, citation, reason) on r.rule_rank = ranked.statute_rule_rank
)
select
  * exclude (statute_rule_reason),
  -- The rule's reason, and what this row adds to it (the rank and the detail are what count_decisions keeps).
  case when statute_reason_detail is null then statute_rule_reason else statute_rule_reason || ' ' || statute_reason_detail end as statute_reason,
  case
    when statute_determination in ('dismiss', 'reduce') and sentence_running then 'recall_and_resentence'
    when statute_determination = 'dismiss' then 'dismiss_and_seal'
    when statute_determination = 'reduce' then 'redesignate'
    else statute_determination
  end as statute_remedy
from decided;
comment on view elig_statute_determinations is 'one row per in-scope Prop 64 conviction count (subject_id, cnt_order); rules: P64-DATA-04, P64-TIME-04, P64-TIME-01, P64-TIME-03, P64-DATA-01, P64-TIME-02, P64-SCOPE-02, P64-SCOPE-05, P64-SCOPE-03, P64-SCOPE-04, P64-DATA-03, P64-DATA-02, P64-DQ-01, P64-DQ-02, P64-DQ-04, P64-DQ-05, P64-DQ-06, P64-DQ-03, P64-11357B-01, P64-11357-FEL, P64-11357A-01, P64-11357A-02, P64-11357-UNDER21, P64-11357C-01, P64-11357D-01, P64-11357E-01, P64-11357-MINOR, P64-11357-NOSUB, P64-11358-MISD, P64-11359-MISD, P64-11360B-01, P64-11360B-02, P64-11360-MISD, P64-FEL-REDUCE, P64-MINOR-REDUCE, P64-INFRACTION, P64-REVIEW-99';
