-- Per-user settings of the metrics dashboard, the secret of each user's calendar feed, and what the metrics
-- queries need to stay index-backed.

-- One row per user who changed a setting; a user without a row has the defaults (MetricsSettings.DEFAULTS).
create table user_settings (
    owner_id          uuid        primary key,
    -- [{"name": "Greater Seattle Area", "patterns": ["seattle", "bellevue"]}, ...]; first matching group wins
    location_groups   jsonb       not null,
    min_salary_base   int         not null check (min_salary_base >= 0),
    max_salary_base   int         not null check (max_salary_base >= 0),
    salary_step       int         not null check (salary_step > 0),
    updated_at        timestamptz not null
);

-- The calendar feed's URL secret, SHA-256 hashed: a database dump does not reveal a working feed URL. One per user;
-- rotating replaces it.
create table calendar_feed (
    owner_id    uuid        primary key,
    secret_hash bytea       not null unique check (octet_length(secret_hash) = 32),
    created_at  timestamptz not null
);

-- time to first response: the first change after no_response, per application
create index application_status_history_first_change on application_status_history (application_id, changed_at)
    where status <> 'no_response';
