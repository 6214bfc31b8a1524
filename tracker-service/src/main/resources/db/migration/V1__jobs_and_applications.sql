-- Jobs the user tracks and the applications made to them. Every row is owned by one user (owner_id)
-- and every query is scoped by it.

create table job (
    id                uuid        primary key,
    owner_id          uuid        not null,
    company           text        not null,
    listing_job_title text        not null,
    external_job_id   text,
    -- where the user found the job: linkedin, company_site, referral, ... (lower snake case)
    source            text        not null,
    created_at        timestamptz not null default now()
);
create index job_owner on job (owner_id);

create table application (
    id         uuid        primary key,
    owner_id   uuid        not null,
    job_id     uuid        not null references job (id),
    applied_at timestamptz not null,
    status     text        not null default 'no_response'
        check (status in ('no_response', 'callback', 'rejected', 'closed')),
    created_at timestamptz not null default now()
);
-- the list endpoint: one user's applications, newest first
create index application_owner_applied on application (owner_id, applied_at desc, id desc);
create index application_job on application (job_id);

create table application_status_history (
    id             uuid        primary key,
    application_id uuid        not null references application (id),
    status         text        not null
        check (status in ('no_response', 'callback', 'rejected', 'closed')),
    changed_at     timestamptz not null
);
create index application_status_history_application on application_status_history (application_id, changed_at);
