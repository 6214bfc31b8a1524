-- Sign-ins through an OpenID Connect provider: the provider's (issuer, subject) pair names one
-- account for good, whatever the person's user name there becomes later.
create table account_identity
(
    issuer     varchar(500) not null,
    subject    varchar(255) not null,
    account_id uuid         not null references account (id) on delete cascade,
    created_at timestamptz  not null default now(),
    primary key (issuer, subject)
);
create index account_identity_account on account_identity (account_id);
