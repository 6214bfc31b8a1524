-- Interviews of an application (only scheduled while it is in callback). A cancelled interview is kept, marked by
-- cancelled_at, so what was planned stays visible; it no longer counts as upcoming.

create table interview (
    id                uuid         primary key,
    owner_id          uuid         not null,
    application_id    uuid         not null references application (id),
    job_id            uuid         not null references job (id),
    stage             text         not null check (stage in ('recruiter_screen', 'hiring_manager_screen',
        'technical_screen', 'prep_call', 'final_loop', 'team_match')),
    format            text         check (format in ('phone_call', 'virtual_meeting', 'onsite')),
    focus             text         check (focus in ('coding', 'system_design', 'behavioral', 'hiring_manager',
        'refactoring', 'case', 'data_pipeline_build', 'data_pipeline_design')),
    interviewer_name  varchar(200),
    interviewer_title varchar(200),
    scheduled_at      timestamptz  not null,
    -- logistics: links, dial-in, who to ask for at the desk
    notes             text,
    cancelled_at      timestamptz,
    created_at        timestamptz  not null default now(),
    updated_at        timestamptz  not null default now()
);
-- upcoming interviews: one user's, not cancelled, by time
create index interview_owner_upcoming on interview (owner_id, scheduled_at) where cancelled_at is null;
create index interview_application on interview (application_id, scheduled_at);
