-- One scheduled sync per schedule slot however many replicas fire: each replica inserts its run with the slot
-- (the cron time it fired for) and only the first insert wins.
alter table sync_run add column schedule_slot timestamptz;
create unique index sync_run_schedule_slot on sync_run (schedule_slot);
