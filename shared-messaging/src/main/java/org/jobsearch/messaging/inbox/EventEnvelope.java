package org.jobsearch.messaging.inbox;

import java.util.UUID;

/** Where and how an event arrived: its CloudEvents headers and Kafka coordinates. */
public record EventEnvelope(UUID eventId, String type, String source, String time, String traceparent,
                            String topic, int partition, long offset, String key, boolean replay) {
}
