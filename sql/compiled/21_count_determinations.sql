-- model:      count_determinations
-- layer:      determination (view)
-- grain:      one row per in-scope Prop 64 conviction count, plus related convictions the policy reaches (subject_id, cnt_order)
-- depends on: count_decisions
create or replace view count_determinations as
with statute_texts as (
  -- The statute rule's texts, by its rank.
  select
    *,
    [
    'HS 11361.8(b), (f); HS 11358(d), 11359(c), 11360(a)(3) (disqualifying priors read from the whole record)', -- P64-DATA-04
    'HS 11361.8(a), (e); CJIS code table', -- P64-TIME-04
    'HS 11361.8(a), (e) ("had this Act been in effect at the time of the offense")', -- P64-TIME-01
    'HS 11361.8(a), (e); In re Estrada (1965) 63 Cal.2d 740; People v. Lin (2018) 26 Cal.App.5th Supp. 10; CJIS code table', -- P64-TIME-03
    'HS 11361.8(a), (e)', -- P64-DATA-01
    'HS 11361.8(a), (e); People v. Lin (2018) 26 Cal.App.5th Supp. 10', -- P64-TIME-02
    'People v. Medina (2018) 24 Cal.App.5th 61; HS 11361.8(a), (e)', -- P64-SCOPE-02
    'People v. Boatwright (2019) 36 Cal.App.5th 848; HS 11361.8(a), (e); PC 32', -- P64-SCOPE-05
    'HS 11361.8(a), (e); PC 664', -- P64-SCOPE-03
    'HS 11361.8(a), (e); HS 11362.1–11362.4', -- P64-SCOPE-04
    'HS 11361.8(e)–(f)', -- P64-DATA-03
    'HS 11357, 11358, 11359, 11360 (age tiers); HS 11362.1', -- P64-DATA-02
    'HS 11359(c)(1); PC 667(e)(2)(C)(iv); People v. Smit (2018) 24 Cal.App.5th 596', -- P64-DQ-01
    'HS 11359(c)(1); PC 290(c); People v. Smit (2018) 24 Cal.App.5th 596', -- P64-DQ-02
    'HS 11358(c), (d)(1)–(2); HS 11362.1(a)(3); HS 11361.8(b), (f); People v. Smit (2018) 24 Cal.App.5th 596', -- P64-DQ-04
    'HS 11360(a)(2)–(3); HS 11362.1(a)(1); HS 11361.8(b), (f); docs/legal-basis.md §8 item 2 (AB 730: transport means transport for sale)', -- P64-DQ-05
    'HS 11359(c)(1); PC 290(c); HS 11361.8(b), (f); People v. Smit (2018) 24 Cal.App.5th 596', -- P64-DQ-06
    'HS 11358(d)(2), 11359(c)(2), 11360(a)(3)(B); HS 11361.8(b), (f)', -- P64-DQ-03
    'HS 11361.8(e)–(f); HS 11362.1(a)(1)', -- P64-11357B-01
    'HS 11361.8(e)–(f); HS 11357(a)–(b) as amended by Prop 64', -- P64-11357-FEL
    'HS 11361.8(e)–(f); HS 11362.1(a)(2); HS 11357(b)(2)', -- P64-11357A-01
    'HS 11361.8(e)–(f); HS 11357(a)(2), (b)(2)', -- P64-11357A-02
    'HS 11361.8(e)–(f); HS 11357(a)(1)–(2), 11357(b)(1)', -- P64-11357-UNDER21
    'HS 11361.8(a), (e); HS 11357(b)(2)', -- P64-11357C-01
    'HS 11361.8(a), (e); HS 11357(c)', -- P64-11357D-01
    'HS 11361.8(e)–(f); HS 11357(d)', -- P64-11357E-01
    'HS 11361.8(e)–(f); HS 11357(a)(1), (b)(1), (d)', -- P64-11357-MINOR
    'HS 11361.8(e)–(f)', -- P64-11357-NOSUB
    'HS 11361.8(e)–(f); HS 11358(b)–(c); HS 11362.1(a)(3)', -- P64-11358-MISD
    'HS 11361.8(a), (e); HS 11359(b)', -- P64-11359-MISD
    'HS 11361.8(e)–(f); HS 11362.1(a)(1)', -- P64-11360B-01
    'HS 11361.8(e)–(f); HS 11360(b)', -- P64-11360B-02
    'HS 11361.8(e)–(f); HS 11360(a)(2); HS 11362.1(a)(1)', -- P64-11360-MISD
    'HS 11361.8(e)–(f); HS 11358(c), 11359(b), 11360(a)(2)', -- P64-FEL-REDUCE
    'HS 11361.8(e)–(f); HS 11357–11360 as amended (under-18 tiers)', -- P64-MINOR-REDUCE
    'HS 11361.8(a), (e)', -- P64-INFRACTION
    'HS 11361.8(b), (f)' -- P64-REVIEW-99
  ][statute_rule_rank] as statute_citation,
    [
    'Needs review: a line of this person''s record could not be read and was set aside (rejects.csv), so a disqualifying prior, a same-section prior or a sentence part may be missing.', -- P64-DATA-04
    'Needs review (code_date_conflict): the CJIS code or subsection and the dates disagree (an old-law-only code with an arrest on or after 2016-11-09 or on a Prop 64 subsection, or a Prop 64-only code on a conviction entered before 2016-11-09). Which law the count was decided under must be read from the court file.', -- P64-TIME-04
    'Not eligible: the offense was committed on or after 2016-11-09 (by its date, or by a CJIS code that exists only under Prop 64), so it was already charged and sentenced under Prop 64.', -- P64-TIME-01
    'Not eligible: convicted under a CJIS code or subsection that exists only under Prop 64 (e.g. 35431, 35437, 35448, 35452, 35453; 11358(C)/(D), 11359(C)/(D), 11360(A)(2)/(3)), so it was already sentenced under Prop 64 whatever the arrest date says; there is no lesser offense to redesignate to.', -- P64-TIME-03
    'Needs review: the conviction date is missing or unreadable, so the count cannot be placed before or after Prop 64.', -- P64-DATA-01
    'Needs review: convicted on or after 2016-11-09 and the offense date is missing or unreadable, so it is unknown whether the old law applied.', -- P64-TIME-02
    'Not eligible under HS 11361.8: a conspiracy (PC 182; DOJ qualifier EB–EG or 182) is not one of the listed sections, and no policy can make it Prop 64 relief. A PC 17(b)(3) reduction or a PC 1385 dismissal is a separate, discretionary remedy.', -- P64-SCOPE-02
    'Needs review: accessory after the fact (PC 32; DOJ qualifier CS or a PC 32 conviction) tied to a Prop 64 offense. It is not categorically outside HS 11361.8: if Prop 64 leaves no felony to be an accessory to, relief may follow (Boatwright).', -- P64-SCOPE-05
    'Needs review: attempted offense (PC 664; DOJ qualifier AB, BI–BL or 664, or EH: federal attempt or conspiracy). No appellate decision settles whether attempts are covered; the substance test favours relief.', -- P64-SCOPE-03
    'Needs review: a conviction under HS 11362.1–11362.4 (conduct Prop 64 made lawful or an infraction) is decided case by case.', -- P64-SCOPE-04
    'Needs review: the conviction level is not recorded (CONV_STAT_DESCR and OFFENSE_TOC are blank), and the relief depends on it.', -- P64-DATA-03
    'Needs review: the date of birth is missing, unreadable or after the offense date and CYC_AGE is blank, and the relief depends on age at the offense (under 18, 18–20, 21+).', -- P64-DATA-02
    'Not eligible for redesignation: a super-strike conviction (PC 667(e)(2)(C)(iv)) before this offense keeps a felony possession for sale a felony (11359(c)(1)).', -- P64-DQ-01
    'Not eligible for redesignation: a conviction of an offense requiring PC 290(c) registration (attempts included) before this offense keeps a felony possession for sale a felony (11359(c)(1)).', -- P64-DQ-02
    'Needs review: missing fact plant count. With a prior super-strike, PC 290(c) offense, PC 290 registration or two same-section priors, a felony cultivation stays a felony only with more than six plants (11358(d)); six or fewer is lawful at 21+ (11362.1(a)(3)). DOJ data does not record plants.', -- P64-DQ-04
    'Needs review: missing fact sale or transport for sale. With a prior super-strike, PC 290(c) offense, PC 290 registration or two same-section priors, a felony 11360 stays a felony only for a sale, a transport for sale or a gift of more than 28.5 g (11360(a)(3)); a gift of 28.5 g or less at 21+ or a personal-use transport is lawful. DOJ data does not say which.', -- P64-DQ-05
    'Needs review: missing fact the registrable conviction. A PC 290 registration step (dated or not) proves that some registrable conviction exists, not that it is a PC 290(c) offense or that it was entered before this offense; the conviction itself is not in the record.', -- P64-DQ-06
    'Needs review (possible_two_priors): two or more earlier same-section adult convictions before this offense. Whether pre-Prop 64 felonies count as priors under the new misdemeanor tier is unsettled; the presumption of eligibility makes this a question, not a bar.', -- P64-DQ-03
    'Dismiss and seal: possession of 28.5 g or less (old 11357(b)) at 21 or older is lawful under Prop 64.', -- P64-11357B-01
    'Redesignate: Prop 64 left no felony possession offense (at most a misdemeanor, an infraction under 21). Dismissal of old 11357(a) would need 8 g or less of concentrate at 21+, which DOJ data does not record.', -- P64-11357-FEL
    'Needs review: missing fact quantity. Concentrated cannabis (old 11357(a)) at 21+ is lawful if 8 g or less (dismiss) and still a misdemeanor above that (no lesser offense).', -- P64-11357A-01
    'Needs review: missing fact quantity. Concentrated cannabis (old 11357(a)) at 18–20 is an infraction only at 8 g or less (redesignate as an infraction) and still a misdemeanor above that (no lesser offense).', -- P64-11357A-02
    'Redesignate as an infraction: under 21 at the offense (under 18 for concentrate), this possession is an infraction under Prop 64.', -- P64-11357-UNDER21
    'Not eligible: possession of more than 28.5 g (old 11357(c)) at 18 or older is still a misdemeanor under Prop 64, so there is no lesser offense.', -- P64-11357C-01
    'Not eligible: possession on school grounds by an adult (old 11357(d)) is still a misdemeanor under Prop 64 (new 11357(c)).', -- P64-11357D-01
    'Redesignate as an infraction: possession on school grounds by a minor (old 11357(e)) is an infraction under Prop 64.', -- P64-11357E-01
    'Redesignate as an infraction: under 18 at the offense, cannabis possession is an infraction under Prop 64.', -- P64-11357-MINOR
    'Needs review: missing fact subsection. HS 11357 without a subsection (pre-1976 code or unparsed text) cannot be placed in the matrix.', -- P64-11357-NOSUB
    'Needs review: missing fact plant count. A misdemeanor cultivation at 18+ is lawful at 21+ with 6 plants or fewer (dismiss), an infraction at 18–20 with 6 or fewer, and still a misdemeanor above 6.', -- P64-11358-MISD
    'Not eligible: a misdemeanor possession for sale at 18 or older is still a misdemeanor under Prop 64 (11359(b)); there is no lesser offense.', -- P64-11359-MISD
    'Dismiss and seal: giving away or transporting 28.5 g or less (old 11360(b)) at 21 or older is lawful under Prop 64.', -- P64-11360B-01
    'Redesignate as an infraction: under 21 at the offense, this conduct is an infraction under Prop 64 (11360(b)).', -- P64-11360B-02
    'Needs review: missing facts sale or gift, amount, recipient age. A misdemeanor 11360 at 18+ is lawful if a gift of 28.5 g or less to an adult at 21+ (dismiss), and still a misdemeanor if a sale.', -- P64-11360-MISD
    'Redesignate as a misdemeanor (an infraction if under 18): with no prior super-strike, PC 290(c) offense or two same-section priors, Prop 64 makes this a misdemeanor. Facts that would keep a felony (sale to a minor, environmental harm, interstate) are not in the data and the People bear that burden (11361.8(f)). Dismissal would need facts the data lacks (6 plants or fewer, a gift at 21+).', -- P64-FEL-REDUCE
    'Redesignate as an infraction: under 18 at the offense, Prop 64 makes this cannabis offense an infraction.', -- P64-MINOR-REDUCE
    'Not eligible: already an infraction, and Prop 64 does not make this conduct lawful at this age, so there is no lesser offense.', -- P64-INFRACTION
    'Needs review: this combination of section, subsection, level and age is not one the offense matrix decides.' -- P64-REVIEW-99
  ][statute_rule_rank] as statute_reason
  from "count_decisions"
)
select
  * exclude (statute_rule_rank, statute_reason_detail, statute_citation, statute_reason)
  replace (
    -- The policy's or a related charge's text where there is one, else the statute rule's.
    coalesce(citation, statute_citation) as citation,
    coalesce(reason, case when statute_reason_detail is null then statute_reason else statute_reason || ' ' || statute_reason_detail end) as reason
  )
from statute_texts;
comment on view count_determinations is 'one row per in-scope Prop 64 conviction count, plus related convictions the policy reaches (subject_id, cnt_order)';
