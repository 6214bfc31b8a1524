-- Accounts of the platform. Only the gateway reads this database; services know a user by the
-- id and roles in the identity token.
create table account
(
    id            uuid primary key,
    username      varchar(100) not null,
    -- Spring Security's DelegatingPasswordEncoder format: {bcrypt}$2a$...; the prefix lets the
    -- algorithm change later without invalidating stored hashes
    password_hash varchar(500) not null,
    roles         text[]       not null check (cardinality(roles) > 0 and roles <@ array ['USER', 'ADMIN']::text[]),
    enabled       boolean      not null default true,
    created_at    timestamptz  not null default now()
);

-- user names are unique regardless of case: "Alice" and "alice" are one person
create unique index account_username_key on account (lower(username));
