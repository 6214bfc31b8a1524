-- A parse per owner and JD text: the same cleaned text (by SHA-256) is parsed once and reused.
create table jd_parse (
    owner_id   uuid        not null,
    jd_hash    text        not null,
    parser     text        not null,
    result     jsonb       not null,
    created_at timestamptz not null default now(),
    primary key (owner_id, jd_hash)
);

-- A job resume created (resume mints the job id): the JD as submitted, as cleaned, and its parse.
create table job (
    id                uuid        primary key,
    owner_id          uuid        not null,
    request_id        uuid,
    source            text        not null,
    source_listing_id uuid,
    raw_jd            text        not null,
    cleaned_jd        text        not null,
    jd_hash           text        not null,
    parser            text        not null,
    result            jsonb       not null,
    created_at        timestamptz not null default now()
);
-- a repeated ResumeRequested (same requestId) is the same request
create unique index job_owner_request on job (owner_id, request_id) where request_id is not null;
create index job_owner_created on job (owner_id, created_at desc);

-- Postings seen by discovery (JobListingDiscovered), so a listing id needs no call to discovery.
create table listing (
    listing_id       uuid        primary key,
    company          text        not null,
    title            text        not null,
    location         text,
    url              text        not null,
    description_html text,
    occurred_at      timestamptz not null,
    updated_at       timestamptz not null default now()
);
