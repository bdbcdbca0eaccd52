-- model:      fold_charge_texts
-- layer:      source (temp view)
-- grain:      one row per distinct charge text (a coded line charge, a conviction charge as filed), with its id
-- depends on: (files)
create or replace temp view fold_charge_texts as
select * from read_csv(['<fold dir>/fold_charge_texts.csv'], header=true, auto_detect=false, delim=',', quote='"', escape='"', strict_mode=true, buffer_size=2097152, columns={'charge_id': 'BIGINT', 'charge_text': 'VARCHAR'});
comment on view fold_charge_texts is 'one row per distinct charge text (a coded line charge, a conviction charge as filed), with its id';
