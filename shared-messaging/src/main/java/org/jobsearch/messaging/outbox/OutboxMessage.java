package org.jobsearch.messaging.outbox;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One row of the outbox: what the relay publishes to {@code <aggregateType>.events}, keyed by
 * {@code aggregateId}, with {@code ce_id = id} and {@code ce_type = type}.
 */
public record OutboxMessage(UUID id, String aggregateType, String aggregateId, String type,
                            String payloadJson, Instant occurredAt) {

    public OutboxMessage {
        Objects.requireNonNull(id, "id");
        requireText(aggregateType, "aggregateType");
        requireText(aggregateId, "aggregateId");
        requireText(type, "type");
        requireText(payloadJson, "payloadJson");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
