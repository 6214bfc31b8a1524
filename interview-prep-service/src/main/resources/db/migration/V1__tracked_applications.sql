-- The user's applications as tracker announces them (ApplicationStatusChanged): the base prep for an
-- application hangs off its row once a callback arrives. One row per application.
create table tracked_application (
    application_id uuid        primary key,
    owner_id       uuid        not null,
    job_id         uuid        not null,
    company        text        not null,
    title          text        not null,
    -- no_response, callback, rejected, closed
    status         text        not null,
    -- the status change the row reflects; an older event never overwrites a newer one
    changed_at     timestamptz not null
);
create index tracked_application_owner on tracked_application (owner_id);
