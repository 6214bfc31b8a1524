-- One-time invitations: an admin creates an account without a password; the invited person sets
-- it through the link. Only a SHA-256 of the token is kept.
create table account_invite
(
    token_hash varchar(64) primary key,
    account_id uuid        not null references account (id) on delete cascade,
    expires_at timestamptz not null,
    created_at timestamptz not null default now()
);
create index account_invite_account on account_invite (account_id);

-- Personal API tokens for scripts: shown once at creation, stored as SHA-256, revocable.
create table api_token
(
    id           uuid primary key,
    account_id   uuid         not null references account (id) on delete cascade,
    name         varchar(100) not null,
    token_hash   varchar(64)  not null unique,
    -- the first characters, so a user can tell their tokens apart in the list
    prefix       varchar(12)  not null,
    created_at   timestamptz  not null default now(),
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_token_account on api_token (account_id);
