-- Inputs of the preparation, kept from events (ARCHITECTURE.md: a consumer stores what it has and acts when what it
-- needs is complete). Every row carries the owner the event named; an event naming another owner changes nothing.

-- The job as resume parsed it (JdParsed): the whole event, for the generators, plus the columns queries need.
create table job_context (
    job_id      uuid        primary key,
    owner_id    uuid        not null,
    company     text        not null,
    title       text        not null,
    occurred_at timestamptz not null,
    event       jsonb       not null
);

-- What a rendered resume says (ResumeRendered.content); the highest version of each resume is kept, and a job's
-- newest resume is the one preparation uses.
create table resume_content (
    resume_id   uuid        primary key,
    owner_id    uuid        not null,
    job_id      uuid        not null,
    version     integer     not null,
    occurred_at timestamptz not null,
    content     jsonb       not null
);
create index resume_content_job on resume_content (job_id, owner_id, occurred_at desc);

-- Interviews as tracker schedules them (InterviewScheduled), and the debrief notes the user writes here.
create table interview (
    interview_id       uuid        primary key,
    owner_id           uuid        not null,
    application_id     uuid        not null,
    job_id             uuid        not null,
    -- scheduled, rescheduled, cancelled
    change             text        not null,
    stage              text        not null,
    format             text,
    focus              text,
    interviewer_name   text,
    interviewer_title  text,
    scheduled_at       timestamptz not null,
    -- the event the row reflects; an older event never overwrites a newer one
    event_occurred_at  timestamptz not null,
    questions_asked    text,
    self_reflection    text,
    debrief_updated_at timestamptz
);
create index interview_application on interview (application_id, owner_id, scheduled_at);

-- Every version of every document: the base (interview_id null) and one per interview. Never updated.
create table prep_document (
    id             uuid        primary key,
    owner_id       uuid        not null,
    application_id uuid        not null,
    interview_id   uuid,
    version        integer     not null,
    -- section name -> markdown
    sections       jsonb       not null,
    -- offline, or <provider>/<model>
    generator      text        not null,
    -- the section a user edit changed; null for a generated version
    edited_section text,
    created_at     timestamptz not null
);
create unique index prep_document_version
    on prep_document (application_id, coalesce(interview_id, '00000000-0000-0000-0000-000000000000'), version);

-- Generations to run after the commit that asked for them, by a polling worker (survives restarts).
-- waiting: the job context has not arrived yet; pending: ready to run; running, done, failed.
create table prep_generation (
    id             uuid        primary key,
    owner_id       uuid        not null,
    application_id uuid        not null,
    job_id         uuid        not null,
    interview_id   uuid,
    -- callback, scheduled, rescheduled, regenerate
    reason         text        not null,
    status         text        not null,
    error          text,
    document_id    uuid,
    requested_at   timestamptz not null,
    started_at     timestamptz,
    finished_at    timestamptz
);
create index prep_generation_open on prep_generation (status, requested_at) where status in ('waiting', 'pending', 'running');
create index prep_generation_application on prep_generation (application_id, owner_id, requested_at desc);
