-- The user's contact details, printed in every resume's header.
create table contact_profile (
    owner_id   uuid        primary key,
    name       text        not null,
    email      text,
    phone      text,
    location   text,
    links      jsonb       not null default '[]',
    updated_at timestamptz not null default now()
);

-- The experience base: past jobs (roles) and the projects inside them, the raw material of every bullet.
-- An import replaces an owner's rows wholesale, in one transaction.
create table experience_role (
    owner_id   uuid not null,
    role_key   text not null,
    position   int  not null,
    company    text not null,
    title      text not null,
    location   text,
    start_date date not null,
    -- null while the role is current
    end_date   date,
    primary key (owner_id, role_key)
);

create table experience_project (
    owner_id        uuid  not null,
    role_key        text  not null,
    -- "<role key>.<short name in snake case>", unique per owner: bullets and ResumeRendered cite it
    project_key     text  not null,
    position        int   not null,
    short_name      text  not null,
    problem_context text,
    actions         jsonb not null,
    tools           jsonb not null,
    outcomes        jsonb not null,
    primary key (owner_id, project_key),
    foreign key (owner_id, role_key) references experience_role (owner_id, role_key) on delete cascade
);

-- One resume per job; every render is a new version and earlier versions stay downloadable.
create table resume (
    id         uuid        primary key,
    owner_id   uuid        not null,
    job_id     uuid        not null references job (id),
    template   text        not null,
    created_at timestamptz not null default now(),
    unique (owner_id, job_id)
);

-- A rendered version: what it says (roles with bullets tagged by project, the projects' facts, skills lines,
-- requirement coverage) and the PDF itself. The PDF lives in the database (bytea, ~30-60 KB each) so that a
-- version and its file are written in one transaction and backed up together.
create table resume_version (
    resume_id  uuid        not null references resume (id) on delete cascade,
    version    int         not null,
    writer     text        not null,
    style      text        not null,
    file_name  text        not null,
    content    jsonb       not null,
    coverage   jsonb       not null,
    pdf        bytea       not null,
    created_at timestamptz not null default now(),
    primary key (resume_id, version)
);
