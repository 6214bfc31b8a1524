-- Resume templates as data: the two built-ins (owner_id null, seeded at start-up from the classpath by
-- TemplateService, read-only) and each user's own. A template fits a parse by target role, level (null: any) and
-- specialization (null: any); role_configs = [{roleKey, order, titleOverride, maxBullets}], empty = every role of
-- the experience base in its order with 5/4/3… bullets.
create table resume_template (
    id             uuid        primary key,
    owner_id       uuid,
    -- "engineer" / "analyst" for the built-ins, null for user templates
    builtin_key    text        unique,
    name           text        not null,
    target_roles   jsonb       not null,
    level          text,
    specialization text,
    description    text        not null default '',
    html           text        not null,
    css            text        not null default '',
    style_variant  text        not null,
    role_configs   jsonb       not null default '[]',
    custom         boolean     not null,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now()
);
create index resume_template_owner on resume_template (owner_id);

-- The pipeline per resume: a resume is queued before its job exists (the parse is its first step), so job_id and
-- template become optional until the parse and write steps fill them in. The worker claims queued rows (and rows
-- whose claim is older than the lease: their instance was lost) with FOR UPDATE SKIP LOCKED.
alter table resume
    alter column job_id drop not null,
    alter column template drop not null,
    -- the request: {jdText, listingId, source}; the explicitly chosen template, if any
    add column input        jsonb,
    add column request_id   uuid,
    add column template_id  uuid,
    add column company      text,
    add column title        text,
    -- queued | parsing | writing | rendering | done | failed
    add column status       text        not null default 'done',
    -- the step a claim runs next: parse | write | render (null when done)
    add column next_step    text,
    add column steps        jsonb       not null default '[]',
    add column failure      jsonb,
    -- the current content with the user's edits (exclude / overrideText per bullet and skills line)
    add column content      jsonb,
    add column writer       text,
    add column claimed_at   timestamptz,
    -- a new one per claim: a worker whose lease ran out (and whose resume another instance took over) can no
    -- longer write its results
    add column claim_token  uuid,
    add column queued_at    timestamptz not null default now(),
    add column updated_at   timestamptz not null default now();

-- a repeated ResumeRequested (same requestId) is the same resume
create unique index resume_owner_request on resume (owner_id, request_id) where request_id is not null;
create index resume_owner_updated on resume (owner_id, updated_at desc);
create index resume_claimable on resume (queued_at) where status in ('queued', 'parsing', 'writing', 'rendering');

-- resumes rendered before V3: their newest version's content becomes the editable content
update resume r set content = v.content, writer = v.writer, next_step = null,
    steps = '[{"name":"parse","status":"done"},{"name":"write","status":"done"},{"name":"render","status":"done"}]'
from resume_version v
where v.resume_id = r.id and v.version = (select max(version) from resume_version where resume_id = r.id);
update resume r set company = j.result -> 'metadata' ->> 'company', title = j.result -> 'metadata' ->> 'listingJobTitle'
from job j where j.id = r.job_id;
-- the built-ins' fixed ids (TemplateService seeds their rows at start-up)
update resume set template_id = case template when 'engineer' then '00000000-0000-4000-8000-00000000e001'::uuid
                                              when 'analyst' then '00000000-0000-4000-8000-00000000a001'::uuid end
where template_id is null;
