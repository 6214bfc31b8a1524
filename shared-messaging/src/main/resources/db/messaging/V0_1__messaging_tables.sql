-- Event plumbing tables, shared by every service (shared-messaging). Versions 0.x run before a
-- service's own V1.. migrations, so the outbox exists before any service table that writes to it.

-- Transactional outbox, in the column layout of Debezium's Outbox Event Router.
create table outbox (
    id            uuid        primary key,
    aggregatetype text        not null,
    aggregateid   text        not null,
    type          text        not null,
    payload       jsonb       not null,
    source        text        not null,
    specversion   text        not null default '1.0',
    occurred_at   timestamptz not null,
    traceparent   text,
    created_at    timestamptz not null default now()
);
create index outbox_created_at on outbox (created_at);

-- Written by the relay's heartbeat so the replication slot advances while the outbox is quiet.
create table relay_heartbeat (
    id      int         primary key,
    beat_at timestamptz not null
);
insert into relay_heartbeat (id, beat_at) values (1, now());

-- Idempotent inbox: one row per (event, handler), inserted first in the effect's transaction.
create table processed_event (
    event_id     uuid        not null,
    handler      text        not null,
    processed_at timestamptz not null default now(),
    primary key (event_id, handler)
);

-- Every record this service sent to a dead-letter topic, as it was consumed, for listing and replay.
create table dead_letter (
    id                bigserial   primary key,
    consumer_group    text        not null,
    topic             text        not null,
    kafka_partition   int         not null,
    kafka_offset      bigint      not null,
    record_key        text,
    record_value      bytea,
    headers           jsonb       not null,
    event_id          text,
    event_type        text,
    dlt_topic         text        not null,
    exception_class   text        not null,
    exception_message text,
    failed_at         timestamptz not null default now(),
    status            text        not null default 'pending',
    replay_attempts   int         not null default 0,
    last_replay_error text,
    replayed_at       timestamptz,
    unique (consumer_group, topic, kafka_partition, kafka_offset)
);
create index dead_letter_status on dead_letter (status, id);

-- Inserts only: deleting relayed rows (the retention purge) is not published.
create publication ${publication_name} for table outbox, relay_heartbeat with (publish = 'insert, update');
