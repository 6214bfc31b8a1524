-- The effects the test handlers produce. No unique key on event_id on purpose: only the inbox
-- stands between a redelivery and a second effect.
create table test_effect (
    id        bigserial primary key,
    event_id  uuid      not null,
    batch     text      not null,
    aggregate text      not null,
    seq       int       not null
);
create index test_effect_batch on test_effect (batch);

create table test_parent (
    id text primary key
);

create table received_platform_event (
    event_id uuid primary key,
    payload  text not null,
    ce_type  text not null,
    ce_source text,
    ce_time  text
);
