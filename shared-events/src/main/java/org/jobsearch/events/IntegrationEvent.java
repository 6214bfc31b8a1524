package org.jobsearch.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.UUID;

/** An event published between services. Every one is a record listed in {@link EventType}. */
public interface IntegrationEvent {

    /** Unique per event; the {@code ce_id} header and the outbox row id. Consumers dedupe on it. */
    UUID eventId();

    Instant occurredAt();

    /**
     * The id of the aggregate the event belongs to, as the Kafka record key (and the outbox's
     * {@code aggregateid}): events of one aggregate stay in order. Derived from a payload field, never serialized.
     */
    @JsonIgnore
    String aggregateId();
}
