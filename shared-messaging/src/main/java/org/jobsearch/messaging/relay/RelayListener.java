package org.jobsearch.messaging.relay;

import java.util.List;

/** Callbacks on a relay's life, for health, metrics, benchmarks and tests. */
public interface RelayListener {

    RelayListener NONE = new RelayListener() {
    };

    default void streamingStarted() {
    }

    default void streamingStopped() {
    }

    /**
     * {@code count} events were acknowledged by Kafka and then confirmed by the relay to Debezium (with every
     * record before them). Called on the engine's thread, or on the stopping thread for the final confirmation.
     */
    default void published(int count) {
    }

    /**
     * Where the records of one confirmation to Debezium spent their time ({@link System#nanoTime()} stamps).
     * The relay does not wait for Kafka within a batch: it confirms the records acknowledged so far, in order,
     * whenever Debezium hands it the next batch (heartbeats included) and when it stops. Called after
     * {@link #published}, also for confirmations of heartbeats only.
     */
    default void batchTimed(BatchTiming timing) {
    }

    /**
     * @param records          records confirmed together, heartbeats included
     * @param events           the events among them, in confirmation order
     * @param confirmStartedAt the relay began confirming them
     * @param confirmedAt      they were confirmed to Debezium ({@code markProcessed} for each, then
     *                         {@code markBatchFinished}, which includes the offset commit when one was due)
     */
    record BatchTiming(int records, List<EventTiming> events, long confirmStartedAt, long confirmedAt) {

        public BatchTiming {
            events = List.copyOf(events);
        }

        /** {@code ce_id} of each event confirmed, in order. */
        public List<String> eventIds() {
            return events.stream().map(EventTiming::eventId).toList();
        }
    }

    /**
     * @param eventId    the event's {@code ce_id}
     * @param receivedAt Debezium handed the event's batch to the relay
     * @param sentAt     the event was handed to the producer
     * @param ackedAt    Kafka acknowledged it (stamped in the producer's callback)
     */
    record EventTiming(String eventId, long receivedAt, long sentAt, long ackedAt) {
    }
}
