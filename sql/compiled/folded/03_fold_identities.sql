-- model:      fold_identities
-- layer:      source (temp view)
-- grain:      one row per distinct identity of a person whose lines disagree, with the number of lines carrying it
-- depends on: (files)
create or replace temp view fold_identities as
select * from read_csv(['<fold dir>/fold_identities.csv'], header=true, auto_detect=false, delim=',', quote='"', escape='"', strict_mode=true, buffer_size=2097152, columns={'subject_id': 'VARCHAR', 'name': 'VARCHAR', 'cii_number': 'VARCHAR', 'gender': 'VARCHAR', 'race_code': 'VARCHAR', 'dob': 'DATE', 'lines': 'BIGINT'});
comment on view fold_identities is 'one row per distinct identity of a person whose lines disagree, with the number of lines carrying it';
