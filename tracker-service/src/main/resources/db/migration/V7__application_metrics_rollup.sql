-- Counts kept ahead of the dashboard (issue 6): per owner, per UTC month and per value of each attribute the
-- dashboard breaks applications down by, the applications by status; and per UTC hour the applications and callbacks
-- (the timeline). Maintained from application_metrics (V6) by statement triggers in the same transaction as every
-- write to it, so a dashboard without dimension filters sums a few thousand rows instead of hashing every application
-- by a dozen attributes. MetricsQueries says which requests it answers and which read application_metrics instead.
--
-- Why not one row per combination of every filterable dimension (role, specialization, level, work setting, source,
-- location) and day: on a user's 100k applications those combinations are nearly as many as the applications (the
-- benchmark's data: see docs/benchmarks.md), so such a cube would be no smaller than the read model. Hence one
-- attribute per row: the month buckets answer any date range whose edges are cut from application_metrics, the hour
-- buckets give days in any zone whose midnights fall on UTC hours; dimension filters read application_metrics.
--
--   kind            bucket          value                     extra
--   role, specialization, level, location (raw), workSetting, source, minYears, minSalary, maxSalary (raw dollars)
--                   UTC month       the value (null: none)    null
--   process         UTC month       furthest interview stage  outcome
--   hour            UTC hour        null                      null
--
-- Rows whose counts fall to 0 stay (a later +1 finds them); readers skip them.
create table application_metrics_rollup (
    owner_id    uuid        not null,
    kind        text        not null,
    bucket      timestamptz not null,
    value       text,
    extra       text,
    n           int         not null,
    callbacks   int         not null,
    rejected    int         not null,
    closed      int         not null,
    no_response int         not null
);
-- the upsert's conflict target (a missing value is a value: nulls not distinct) and every reader's range
create unique index application_metrics_rollup_key on application_metrics_rollup (owner_id, kind, bucket, value, extra)
    nulls not distinct;

-- Add the rows of `added`, take away those of `removed`: one upsert per affected key, keys in index order, so two
-- transactions of the same owner lock their common keys in the same order and an upsert never loses the other's
-- +1/-1 (ON CONFLICT DO UPDATE locks the row and adds to its latest version). Keys whose deltas cancel (an update
-- that moved nothing this table counts, e.g. a first response) are not touched.
create function application_metrics_rollup_apply(added application_metrics[], removed application_metrics[])
    returns void language sql as $$
    insert into application_metrics_rollup as r (owner_id, kind, bucket, value, extra, n, callbacks, rejected, closed,
                                                 no_response)
    select x.owner_id, k.kind, k.bucket, k.value, k.extra, sum(x.d),
           coalesce(sum(x.d) filter (where x.status = 'callback'), 0),
           coalesce(sum(x.d) filter (where x.status = 'rejected'), 0),
           coalesce(sum(x.d) filter (where x.status = 'closed'), 0),
           coalesce(sum(x.d) filter (where x.status = 'no_response'), 0)
    from (select 1 as d, a.* from unnest(added) a
          union all
          select -1, o.* from unnest(removed) o) x
    cross join lateral (
        select date_trunc('month', x.applied_at, 'UTC') as month) m
    cross join lateral (values
        ('role', m.month, x.role, null::text),
        ('specialization', m.month, x.specialization, null),
        ('level', m.month, x.level, null),
        ('location', m.month, x.location, null),
        ('workSetting', m.month, x.work_setting, null),
        ('source', m.month, x.source, null),
        ('minYears', m.month, x.min_experience_years::text, null),
        ('minSalary', m.month, x.min_salary::text, null),
        ('maxSalary', m.month, x.max_salary::text, null),
        ('process', m.month, x.furthest_stage, x.outcome),
        ('hour', date_trunc('hour', x.applied_at, 'UTC'), null, null)) k(kind, bucket, value, extra)
    group by x.owner_id, k.kind, k.bucket, k.value, k.extra
    having sum(x.d) <> 0 or sum(x.d) filter (where x.status = 'callback') <> 0
        or sum(x.d) filter (where x.status = 'rejected') <> 0 or sum(x.d) filter (where x.status = 'closed') <> 0
        or sum(x.d) filter (where x.status = 'no_response') <> 0
    order by x.owner_id, k.kind, k.bucket, k.value, k.extra
    on conflict (owner_id, kind, bucket, value, extra) do update
        set n = r.n + excluded.n, callbacks = r.callbacks + excluded.callbacks,
            rejected = r.rejected + excluded.rejected, closed = r.closed + excluded.closed,
            no_response = r.no_response + excluded.no_response
$$;

-- New rows (one statement's, all at once), deleted rows (likewise, also when their applications are deleted), and
-- updates of what this table counts (row by row: a first response or anything else not counted here fires nothing).
create function application_metrics_rollup_on_insert() returns trigger language plpgsql as $$
begin
    perform application_metrics_rollup_apply(array(select n::application_metrics from new_rows n), '{}');
    return null;
end $$;
create trigger application_metrics_rollup_insert after insert on application_metrics
    referencing new table as new_rows for each statement execute function application_metrics_rollup_on_insert();

create function application_metrics_rollup_on_delete() returns trigger language plpgsql as $$
begin
    perform application_metrics_rollup_apply('{}', array(select o::application_metrics from old_rows o));
    return null;
end $$;
create trigger application_metrics_rollup_delete after delete on application_metrics
    referencing old table as old_rows for each statement execute function application_metrics_rollup_on_delete();

create function application_metrics_rollup_on_update() returns trigger language plpgsql as $$
begin
    perform application_metrics_rollup_apply(array[new], array[old]);
    return null;
end $$;
create trigger application_metrics_rollup_update after update on application_metrics
    for each row
    when (old.owner_id is distinct from new.owner_id or old.applied_at is distinct from new.applied_at
          or old.status is distinct from new.status or old.outcome is distinct from new.outcome
          or old.role is distinct from new.role or old.specialization is distinct from new.specialization
          or old.level is distinct from new.level or old.location is distinct from new.location
          or old.work_setting is distinct from new.work_setting or old.source is distinct from new.source
          or old.min_experience_years is distinct from new.min_experience_years
          or old.min_salary is distinct from new.min_salary or old.max_salary is distinct from new.max_salary
          or old.furthest_stage is distinct from new.furthest_stage)
    execute function application_metrics_rollup_on_update();

-- V6 inserted each new application's read-model row from a row trigger, one statement per application; one
-- statement for all of an insert's applications keeps bulk inserts (an import, the benchmark's loading) from
-- running the rollup's upsert once per application.
drop trigger application_metrics_insert on application;
create or replace function application_metrics_on_application_insert() returns trigger language plpgsql as $$
begin
    insert into application_metrics (application_id, owner_id, applied_at, status, outcome, role, specialization,
                                     level, location, work_setting, source, min_experience_years, min_salary,
                                     max_salary)
    select a.id, a.owner_id, a.applied_at, a.status, a.outcome, nullif(btrim(j.role), ''),
           nullif(btrim(j.specialization), ''), nullif(btrim(j.level), ''), j.location, j.work_setting,
           nullif(btrim(j.source), ''), j.min_experience_years, j.min_salary, j.max_salary
    from new_applications a join job j on j.id = a.job_id;
    return null;
end $$;
create trigger application_metrics_insert after insert on application
    referencing new table as new_applications
    for each statement execute function application_metrics_on_application_insert();

create function application_metrics_rollup_on_truncate() returns trigger language plpgsql as $$
begin
    truncate application_metrics_rollup;
    return null;
end $$;
create trigger application_metrics_rollup_truncate after truncate on application_metrics
    for each statement execute function application_metrics_rollup_on_truncate();

-- The median time to first response (not additive, so not in the rollup): the owner's responded rows in the order of
-- that time, read up to the middle instead of sorted, the applied date filtered in the index.
create index application_metrics_owner_response_time on application_metrics
    (owner_id, (extract(epoch from responded_at - applied_at)::float8)) include (applied_at, responded_at)
    where responded_at is not null;
-- how many responded in a range of applied dates
create index application_metrics_owner_responded on application_metrics (owner_id, applied_at)
    where responded_at is not null;

-- the applications that exist already, one owner at a time
select application_metrics_rollup_apply(array(select m from application_metrics m where m.owner_id = o.owner_id), '{}')
from (select distinct owner_id from application_metrics) o;
