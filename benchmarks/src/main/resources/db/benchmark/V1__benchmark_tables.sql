create table bench_order (
    id        uuid primary key,
    aggregate text not null
);
create table bench_effect (
    event_id  uuid not null,
    aggregate text not null
);
