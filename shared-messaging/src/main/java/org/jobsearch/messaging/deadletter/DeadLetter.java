package org.jobsearch.messaging.deadletter;

import java.time.Instant;

/**
 * A record this service sent to a dead-letter topic: where it came from, why it failed, and what
 * replays did with it. {@code status} is {@code pending} until a replay succeeds ({@code replayed}).
 */
public record DeadLetter(long id, String consumerGroup, String topic, int partition, long offset, String key,
                         String eventId, String eventType, String dltTopic, String exceptionClass,
                         String exceptionMessage, Instant failedAt, String status, int replayAttempts,
                         String lastReplayError, Instant replayedAt) {

    public static final String PENDING = "pending";
    public static final String REPLAYED = "replayed";
}
