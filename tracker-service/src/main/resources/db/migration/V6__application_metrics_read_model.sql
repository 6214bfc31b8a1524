-- The metrics dashboard's read model (issue 6 benchmark): one narrow row per application with everything the
-- dashboard counts by, so a dashboard is one pass over the owner's rows of this table instead of a join to job plus a
-- probe of interview and application_status_history per application. Kept by the triggers below in the same
-- transaction as every write that changes it (whatever writes it: the services, a CSV import, a benchmark loading
-- rows with SQL), so it can never disagree with the tables it is derived from.

create table application_metrics (
    application_id       uuid        primary key references application (id) on delete cascade,
    owner_id             uuid        not null,
    applied_at           timestamptz not null,
    status               text        not null,
    outcome              text,
    -- the job's dimensions, blank text read as none (as the dashboard shows them); location raw, grouped per user
    -- setting when counted
    role                 text,
    specialization       text,
    level                text,
    location             text,
    work_setting         text,
    source               text,
    min_experience_years int,
    min_salary           int,
    max_salary           int,
    -- the first change away from no_response (null while none)
    responded_at         timestamptz,
    -- the furthest stage among the application's interviews that are not cancelled, in funnel order (null if none)
    furthest_stage       text
);
-- every dashboard statement: one owner's rows, optionally within applied dates
create index application_metrics_owner_applied on application_metrics (owner_id, applied_at);

-- A stage's place in the funnel: the order of InterviewStage (and of the funnel's steps). A new stage is added here
-- in a new migration that replaces this function and recomputes furthest_stage.
create function interview_stage_rank(stage text) returns int language sql immutable as $$
    select array_position(array['recruiter_screen', 'hiring_manager_screen', 'technical_screen', 'prep_call',
                                'final_loop', 'team_match'], stage)
$$;

create function application_metrics_furthest_stage(application uuid) returns text language sql stable as $$
    select i.stage from interview i
    where i.application_id = application and i.cancelled_at is null
    order by interview_stage_rank(i.stage) desc
    limit 1
$$;

-- a new application: its row, with its job's dimensions
create function application_metrics_on_application_insert() returns trigger language plpgsql as $$
begin
    insert into application_metrics (application_id, owner_id, applied_at, status, outcome, role, specialization,
                                     level, location, work_setting, source, min_experience_years, min_salary,
                                     max_salary)
    select new.id, new.owner_id, new.applied_at, new.status, new.outcome, nullif(btrim(j.role), ''),
           nullif(btrim(j.specialization), ''), nullif(btrim(j.level), ''), j.location, j.work_setting,
           nullif(btrim(j.source), ''), j.min_experience_years, j.min_salary, j.max_salary
    from job j where j.id = new.job_id;
    return null;
end $$;
create trigger application_metrics_insert after insert on application
    for each row execute function application_metrics_on_application_insert();

-- a status change, an outcome, a moved date or job
create function application_metrics_on_application_update() returns trigger language plpgsql as $$
begin
    update application_metrics m
    set owner_id = new.owner_id, applied_at = new.applied_at, status = new.status, outcome = new.outcome,
        role = nullif(btrim(j.role), ''), specialization = nullif(btrim(j.specialization), ''),
        level = nullif(btrim(j.level), ''), location = j.location, work_setting = j.work_setting,
        source = nullif(btrim(j.source), ''), min_experience_years = j.min_experience_years,
        min_salary = j.min_salary, max_salary = j.max_salary
    from job j
    where m.application_id = new.id and j.id = new.job_id;
    return null;
end $$;
create trigger application_metrics_update after update on application
    for each row
    when (old.status is distinct from new.status or old.outcome is distinct from new.outcome
          or old.applied_at is distinct from new.applied_at or old.job_id is distinct from new.job_id
          or old.owner_id is distinct from new.owner_id)
    execute function application_metrics_on_application_update();

-- a job edited by hand or by a later JdParsed: its application counts under the new values
create function application_metrics_on_job_update() returns trigger language plpgsql as $$
begin
    update application_metrics m
    set role = nullif(btrim(new.role), ''), specialization = nullif(btrim(new.specialization), ''),
        level = nullif(btrim(new.level), ''), location = new.location, work_setting = new.work_setting,
        source = nullif(btrim(new.source), ''), min_experience_years = new.min_experience_years,
        min_salary = new.min_salary, max_salary = new.max_salary
    from application a
    where a.job_id = new.id and m.application_id = a.id;
    return null;
end $$;
create trigger application_metrics_job_update after update on job
    for each row
    when (old.role is distinct from new.role or old.specialization is distinct from new.specialization
          or old.level is distinct from new.level or old.location is distinct from new.location
          or old.work_setting is distinct from new.work_setting or old.source is distinct from new.source
          or old.min_experience_years is distinct from new.min_experience_years
          or old.min_salary is distinct from new.min_salary or old.max_salary is distinct from new.max_salary)
    execute function application_metrics_on_job_update();

-- the first response: the earliest history entry that is not no_response
create function application_metrics_on_history_insert() returns trigger language plpgsql as $$
begin
    update application_metrics
    set responded_at = new.changed_at
    where application_id = new.application_id and (responded_at is null or responded_at > new.changed_at);
    return null;
end $$;
create trigger application_metrics_history_insert after insert on application_status_history
    for each row when (new.status <> 'no_response')
    execute function application_metrics_on_history_insert();

-- an interview scheduled, rescheduled (possibly to another stage), cancelled or removed
create function application_metrics_on_interview_change() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        update application_metrics set furthest_stage = application_metrics_furthest_stage(old.application_id)
        where application_id = old.application_id;
    end if;
    if tg_op in ('INSERT', 'UPDATE') and (tg_op = 'INSERT' or new.application_id <> old.application_id) then
        update application_metrics set furthest_stage = application_metrics_furthest_stage(new.application_id)
        where application_id = new.application_id;
    end if;
    return null;
end $$;
create trigger application_metrics_interview_change after insert or delete or update of stage, cancelled_at,
    application_id on interview
    for each row execute function application_metrics_on_interview_change();

-- the applications that exist already
insert into application_metrics (application_id, owner_id, applied_at, status, outcome, role, specialization, level,
                                 location, work_setting, source, min_experience_years, min_salary, max_salary,
                                 responded_at, furthest_stage)
select a.id, a.owner_id, a.applied_at, a.status, a.outcome, nullif(btrim(j.role), ''),
       nullif(btrim(j.specialization), ''), nullif(btrim(j.level), ''), j.location, j.work_setting,
       nullif(btrim(j.source), ''), j.min_experience_years, j.min_salary, j.max_salary,
       (select min(h.changed_at) from application_status_history h
        where h.application_id = a.id and h.status <> 'no_response'),
       application_metrics_furthest_stage(a.id)
from application a
join job j on j.id = a.job_id;
