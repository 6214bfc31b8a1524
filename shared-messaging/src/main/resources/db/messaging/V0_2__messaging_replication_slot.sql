-- The slot exists before the service accepts writes, so snapshot.mode=no_data loses nothing.
-- A slot cannot be created in a transaction that has written: this script runs outside one.
select pg_create_logical_replication_slot('${slot_name}', 'pgoutput')
where not exists (select 1 from pg_replication_slots where slot_name = '${slot_name}');
