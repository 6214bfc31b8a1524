-- Applications: desired salary, the interview process outcome (the reference's InterviewProcessStatus, one per
-- application, only after a callback), one application per job, and owner-scoped history rows.

alter table application
    add column desired_salary int check (desired_salary >= 0),
    add column outcome        text check (outcome in ('offer', 'rejected', 'failed', 'ghosted', 'withdrew')),
    add column outcome_date   date,
    add column outcome_notes  text,
    add constraint application_outcome_dated check ((outcome is null) = (outcome_date is null)),
    add constraint application_outcome_after_callback check (outcome is null or status = 'callback');

-- the reference's Application is one-to-one with its job
drop index application_job;
create unique index application_job on application (job_id);

alter table application_status_history add column owner_id uuid;
update application_status_history h set owner_id = a.owner_id from application a where a.id = h.application_id;
alter table application_status_history alter column owner_id set not null;
