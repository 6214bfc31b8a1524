-- The dashboard's timeline and response counts per UTC day, one row per owner and day with 24 hourly counts (issue 6),
-- instead of V7's one rollup row per UTC hour: a user's two years are 731 rows instead of 17,500, which the
-- dashboard read and grouped into local days in SQL on every request (about 30 ms of a 100k-application dashboard).
-- The service now assigns each hour to its day in the filter's zone (MetricsQueries.fromRollup); the hours still let
-- it do that for any zone whose midnights fall on UTC hours, and it still counts from the read model otherwise.
--
-- Besides applications and callbacks per hour, the applications that had a first response (responded_at set), so
-- the dashboard's "responded" count needs no index scan over them either; the median time to first response (not
-- additive) still reads the responded rows in order from V7's index.
create table application_metrics_daily (
    owner_id  uuid  not null,
    -- the UTC date; element i (1-based) of each array counts the applications applied in UTC hour i - 1 of it
    day       date  not null,
    applied   int[] not null,
    callbacks int[] not null,
    responded int[] not null,
    primary key (owner_id, day)
);

-- element-wise a + b (both 24 long)
create function application_metrics_int_array_add(a int[], b int[]) returns int[] language sql immutable as $$
    select array_agg(x + y order by i) from unnest(a, b) with ordinality t(x, y, i)
$$;

-- Add the rows of `added`, take away those of `removed`, per owner and UTC day in key order (two transactions of the
-- same owner lock their common days in the same order, as V7's upsert does for its keys); days whose deltas cancel
-- are not touched.
create function application_metrics_daily_apply(added application_metrics[], removed application_metrics[])
    returns void language sql as $$
    with x as (
        select 1 as d, a.owner_id, a.applied_at, a.status, a.responded_at from unnest(added) a
        union all
        select -1, o.owner_id, o.applied_at, o.status, o.responded_at from unnest(removed) o
    ),
    h as (
        select owner_id, (applied_at at time zone 'UTC')::date as day,
               extract(hour from applied_at at time zone 'UTC')::int as hour, sum(d)::int as n,
               coalesce(sum(d) filter (where status = 'callback'), 0)::int as c,
               coalesce(sum(d) filter (where responded_at is not null), 0)::int as r
        from x
        group by 1, 2, 3
        having sum(d) <> 0 or sum(d) filter (where status = 'callback') <> 0
            or sum(d) filter (where responded_at is not null) <> 0
    )
    insert into application_metrics_daily as t (owner_id, day, applied, callbacks, responded)
    select k.owner_id, k.day, array_agg(coalesce(h.n, 0) order by g.hour), array_agg(coalesce(h.c, 0) order by g.hour),
           array_agg(coalesce(h.r, 0) order by g.hour)
    from (select distinct owner_id, day from h) k
    cross join generate_series(0, 23) g(hour)
    left join h on h.owner_id = k.owner_id and h.day = k.day and h.hour = g.hour
    group by k.owner_id, k.day
    order by k.owner_id, k.day
    on conflict (owner_id, day) do update
        set applied = application_metrics_int_array_add(t.applied, excluded.applied),
            callbacks = application_metrics_int_array_add(t.callbacks, excluded.callbacks),
            responded = application_metrics_int_array_add(t.responded, excluded.responded)
$$;

-- V7's apply without its hour rows, then the days. The triggers of V7 call it unchanged.
create or replace function application_metrics_rollup_apply(added application_metrics[], removed application_metrics[])
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
        ('process', m.month, x.furthest_stage, x.outcome)) k(kind, bucket, value, extra)
    group by x.owner_id, k.kind, k.bucket, k.value, k.extra
    having sum(x.d) <> 0 or sum(x.d) filter (where x.status = 'callback') <> 0
        or sum(x.d) filter (where x.status = 'rejected') <> 0 or sum(x.d) filter (where x.status = 'closed') <> 0
        or sum(x.d) filter (where x.status = 'no_response') <> 0
    order by x.owner_id, k.kind, k.bucket, k.value, k.extra
    on conflict (owner_id, kind, bucket, value, extra) do update
        set n = r.n + excluded.n, callbacks = r.callbacks + excluded.callbacks,
            rejected = r.rejected + excluded.rejected, closed = r.closed + excluded.closed,
            no_response = r.no_response + excluded.no_response;
    select application_metrics_daily_apply(added, removed);
$$;

-- A first response now changes what is counted (the responded arrays): fire on it too.
drop trigger application_metrics_rollup_update on application_metrics;
create trigger application_metrics_rollup_update after update on application_metrics
    for each row
    when (old.owner_id is distinct from new.owner_id or old.applied_at is distinct from new.applied_at
          or old.status is distinct from new.status or old.outcome is distinct from new.outcome
          or old.role is distinct from new.role or old.specialization is distinct from new.specialization
          or old.level is distinct from new.level or old.location is distinct from new.location
          or old.work_setting is distinct from new.work_setting or old.source is distinct from new.source
          or old.min_experience_years is distinct from new.min_experience_years
          or old.min_salary is distinct from new.min_salary or old.max_salary is distinct from new.max_salary
          or old.furthest_stage is distinct from new.furthest_stage
          or (old.responded_at is null) <> (new.responded_at is null))
    execute function application_metrics_rollup_on_update();

create or replace function application_metrics_rollup_on_truncate() returns trigger language plpgsql as $$
begin
    truncate application_metrics_rollup, application_metrics_daily;
    return null;
end $$;

-- The hour rows move to the days; V7's index for counting responded rows has no reader left.
delete from application_metrics_rollup where kind = 'hour';
drop index application_metrics_owner_responded;

select application_metrics_daily_apply(array(select m from application_metrics m where m.owner_id = o.owner_id), '{}')
from (select distinct owner_id from application_metrics) o;
