-- The full job of the reference (issue 6): metadata, requirements, contract terms, and the resumes rendered for it.
-- A job is created by hand (tracker mints the id) or adopted from resume's JdParsed under the id it carries.

-- a job adopted from a JdParsed that names no source has none
alter table job alter column source drop not null;

alter table job
    -- software_engineer, data_engineer, ... (lower snake case; the parser's value is kept as it came)
    add column role                 text,
    add column specialization       text,
    -- associate, i, ii, iii, senior
    add column level                text,
    add column location             text,
    add column work_setting         text check (work_setting in ('on_site', 'hybrid', 'remote')),
    add column min_experience_years int  check (min_experience_years >= 0),
    add column min_salary           int  check (min_salary >= 0),
    add column max_salary           int  check (max_salary >= 0),
    add column raw_jd_text          text,
    -- the discovery listing the JD came from (JdParsed.sourceListingId)
    add column source_listing_id    uuid,
    -- occurredAt of the JdParsed last applied: an older one arriving late does not overwrite a newer one
    add column jd_parsed_at         timestamptz,
    add column updated_at           timestamptz not null default now(),
    add constraint job_salary_range check (min_salary is null or max_salary is null or min_salary <= max_salary);

-- the company page; the job list, newest first
create index job_owner_company on job (owner_id, company);
create index job_owner_created on job (owner_id, created_at desc, id desc);
drop index job_owner;

create table job_requirement (
    id        uuid             primary key,
    owner_id  uuid             not null,
    job_id    uuid             not null references job (id) on delete cascade,
    text      text             not null,
    keywords  text[]           not null default '{}',
    relevance double precision not null check (relevance between 0 and 1)
);
create index job_requirement_job on job_requirement (job_id, relevance desc);

-- Terms of a contract role (the reference's ContractJob); at most one per job, referenced from job.contract_id.
create table contract_job (
    id                     uuid    primary key,
    owner_id               uuid    not null,
    consulting_company     text,
    contract_length_months int     check (contract_length_months > 0),
    hourly_rate_min        int     check (hourly_rate_min >= 0),
    hourly_rate_max        int     check (hourly_rate_max >= 0),
    hourly_rate_submitted  int     check (hourly_rate_submitted >= 0),
    provides_benefits      boolean not null default false,
    provides_pto           boolean not null default false
);
alter table job add column contract_id uuid unique references contract_job (id);

-- Every rendered version of every resume made for a job (ResumeRendered). No foreign key to job: a resume may be
-- rendered before its job's JdParsed arrives (different topics, any order); the link is read by (owner, job).
create table job_resume_version (
    resume_id   uuid        not null,
    version     int         not null check (version > 0),
    owner_id    uuid        not null,
    job_id      uuid        not null,
    pdf_path    text        not null,
    rendered_at timestamptz not null,
    primary key (resume_id, version)
);
create index job_resume_version_owner_job on job_resume_version (owner_id, job_id);
