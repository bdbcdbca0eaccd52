-- model:      fold_counts
-- layer:      source (temp view)
-- grain:      one row per (subject_id, cnt_order) with a CONVICTED disposition: its first sentence part, its sentence sums
-- depends on: (files)
create or replace temp view fold_counts as
select * from read_csv(['<fold dir>/fold_counts_1.csv', '<fold dir>/fold_counts_2.csv'], header=true, auto_detect=false, delim=',', quote='"', escape='"', strict_mode=true, buffer_size=2097152, columns={'subject_id': 'VARCHAR', 'cnt_order': 'VARCHAR', 'county': 'VARCHAR', 'county_code': 'VARCHAR', 'court': 'VARCHAR', 'case_number': 'VARCHAR', 'cyc_order': 'VARCHAR', 'charge_id': 'BIGINT', 'charged_id': 'BIGINT', 'offense_code': 'VARCHAR', 'conviction_level': 'VARCHAR', 'disposition': 'VARCHAR', 'convicted_offense_recorded': 'BOOLEAN', 'cycle_age': 'INTEGER', 'disp_date': 'DATE', 'disp_date_status': 'VARCHAR', 'step_date': 'DATE', 'step_date_status': 'VARCHAR', 'cyc_date': 'DATE', 'cyc_date_status': 'VARCHAR', 'sentence_days': 'DOUBLE', 'sentence_months': 'DOUBLE', 'sentence_years': 'DOUBLE', 'sentence_parts_unreadable': 'BIGINT', 'sentence_text': 'VARCHAR', 'qualifier_tokens': 'VARCHAR', 'prefix_texts': 'VARCHAR', 'any_charge_text': 'BOOLEAN'});
comment on view fold_counts is 'one row per (subject_id, cnt_order) with a CONVICTED disposition: its first sentence part, its sentence sums';
