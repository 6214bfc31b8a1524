-- The shared catalog (companies, their ATS config), each user's follows and search configs, the shared listings with
-- each user's review state, and sync runs. Written with plain SQL (JdbcClient), see docs/services/discovery-service.md.

create table company (
    id                 uuid        primary key,
    name               text        not null,
    -- workday, greenhouse, lever, ashby, smartrecruiters
    platform           text        not null,
    careers_url        text,
    -- the platform config in canonical form (CompanyConfigs): one company per board, whatever URL it was added by
    ats_key            text        not null,
    -- Workday location facet ids sent with every search (empty: all locations)
    location_facet_ids text[]      not null default '{}',
    active             boolean     not null default true,
    created_by         uuid        not null,
    created_at         timestamptz not null,
    updated_at         timestamptz not null
);
create unique index company_ats_key on company (lower(ats_key));
create index company_name on company (lower(name));

create table company_follow (
    owner_id      uuid        not null,
    company_id    uuid        not null references company (id) on delete cascade,
    -- this user's title exclusions for this company (whole words)
    exclude_terms text[]      not null default '{}',
    followed_at   timestamptz not null,
    primary key (owner_id, company_id)
);
create index company_follow_company on company_follow (company_id);

create table search_config (
    id               uuid        primary key,
    owner_id         uuid        not null,
    search_term      text        not null,
    related_terms    text[]      not null default '{}',
    exclude_terms    text[]      not null default '{}',
    -- case-insensitive substrings one of which the posting's location must contain (empty: any location)
    location_filters text[]      not null default '{}',
    active           boolean     not null default true,
    created_at       timestamptz not null,
    updated_at       timestamptz not null
);
create unique index search_config_owner_term on search_config (owner_id, lower(search_term));

-- A posting, fetched once however many users follow its company.
create table job_listing (
    id               uuid        primary key,
    company_id       uuid        not null references company (id) on delete cascade,
    platform         text        not null,
    external_id      text        not null,
    title            text        not null,
    location         text,
    remote           boolean,
    posted_date      date,
    url              text,
    department       text,
    description_html text,
    compensation_min numeric,
    compensation_max numeric,
    compensation_currency text,
    compensation_interval text,
    compensation_summary  text,
    -- normalized title + location: candidates for "the same posting on another platform of the company"
    dedupe_key       text        not null,
    -- set when this is the same posting as an earlier listing of the company on another platform
    canonical_id     uuid        references job_listing (id) on delete set null,
    content_hash     text        not null,
    first_seen_at    timestamptz not null,
    last_fetched_at  timestamptz not null,
    unique (company_id, platform, external_id)
);
create index job_listing_dedupe on job_listing (company_id, dedupe_key);
create index job_listing_canonical on job_listing (canonical_id);

-- Which fetch scopes (company × search term; '' for a whole board) saw a listing, and whether the last fetch of that
-- scope still had it. A listing is stale when every scope that saw it has lost it.
create table listing_scope (
    listing_id   uuid        not null references job_listing (id) on delete cascade,
    search_term  text        not null,
    last_seen_at timestamptz not null,
    stale        boolean     not null default false,
    primary key (listing_id, search_term)
);
create index listing_scope_term on listing_scope (search_term, stale);

-- One user's review of a (canonical) listing.
create table listing_review (
    owner_id          uuid        not null,
    listing_id        uuid        not null references job_listing (id) on delete cascade,
    -- new, interested, dismissed, applied (terminal)
    status            text        not null,
    -- every search term of this user that matched the posting
    matched_terms     text[]      not null default '{}',
    created_at        timestamptz not null,
    status_changed_at timestamptz not null,
    primary key (owner_id, listing_id)
);
create index listing_review_owner_status on listing_review (owner_id, status);
create index listing_review_listing on listing_review (listing_id);

create table sync_run (
    id               uuid        primary key,
    -- null for a scheduled sync
    requested_by     uuid,
    company_id       uuid,
    keywords         text,
    max_postings     integer,
    -- queued, running, completed, failed
    status           text        not null,
    fetches_total    integer     not null default 0,
    fetches_done     integer     not null default 0,
    error            text,
    created_at       timestamptz not null,
    started_at       timestamptz,
    finished_at      timestamptz
);

create table sync_line (
    sync_id       uuid    not null references sync_run (id) on delete cascade,
    line_no       integer not null,
    company_id    uuid    not null,
    company       text    not null,
    -- '' when the whole board was fetched
    search_term   text    not null,
    new_count     integer not null,
    updated_count integer not null,
    total         integer not null,
    new_to_review integer not null,
    error         text,
    primary key (sync_id, line_no)
);
