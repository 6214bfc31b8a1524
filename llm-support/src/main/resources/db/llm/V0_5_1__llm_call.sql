-- LLM cost ledger (llm-support), in the database of each service that calls a model. Version 0.5.x
-- runs after the messaging tables (0.1-0.2) and before the service's own V1.. migrations.

-- One row per call; a repair attempt is its own row. Offline work is recorded too, at cost 0.
create table llm_call (
    id                     uuid          primary key,
    owner_id               uuid          not null,
    job_id                 uuid,
    application_id         uuid,
    purpose                text          not null,
    provider               text          not null,
    model                  text          not null,
    estimated_input_tokens bigint        not null default 0,
    input_tokens           bigint        not null default 0,
    cache_write_tokens     bigint        not null default 0,
    cache_read_tokens      bigint        not null default 0,
    output_tokens          bigint        not null default 0,
    cost_usd               numeric(14,8) not null default 0,
    latency_ms             bigint        not null default 0,
    attempts               int           not null default 1,
    outcome                text          not null
        check (outcome in ('ok', 'repaired', 'invalid', 'error', 'budget_exceeded', 'truncated')),
    error                  text,
    created_at             timestamptz   not null default now()
);
-- the budget check (month to date) and the cost page: always by owner and period
create index llm_call_owner_created on llm_call (owner_id, created_at);
create index llm_call_owner_job on llm_call (owner_id, job_id) where job_id is not null;
create index llm_call_owner_application on llm_call (owner_id, application_id) where application_id is not null;
