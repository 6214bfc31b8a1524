-- The jobs each user applied to, projected from tracker's ApplicationStatusChanged events: what lets
-- discovery mark a user's matching listings "applied" without asking tracker. One row per application.
create table applied_job (
    application_id    uuid        primary key,
    owner_id          uuid        not null,
    job_id            uuid        not null,
    company           text        not null,
    title             text        not null,
    external_job_id   text,
    source_listing_id uuid,
    -- no_response, callback, rejected, closed
    status            text        not null,
    -- the earliest status change seen: the application's creation when its first event arrived
    applied_at        timestamptz not null,
    -- the status change the row reflects; an older event never overwrites a newer one
    changed_at        timestamptz not null
);
create index applied_job_owner on applied_job (owner_id, applied_at desc, application_id desc);
