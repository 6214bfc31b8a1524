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

    /** A batch of {@code count} events was acknowledged by Kafka and then by the relay to Debezium. */
    default void published(int count) {
    }

    /**
     * Where one Debezium batch spent its time, on the engine's thread ({@link System#nanoTime()}
     * stamps). Called after {@link #published}, also for batches of heartbeats only.
     */
    default void batchTimed(BatchTiming timing) {
    }

    /**
     * @param records     records in the Debezium batch, heartbeats included
     * @param eventIds    {@code ce_id} of each event sent to Kafka, in batch order
     * @param receivedAt  Debezium handed the batch to the relay
     * @param sentAt      every event of it was handed to the producer
     * @param ackedAt     Kafka acknowledged the last of them
     * @param confirmedAt the batch was confirmed to Debezium, including the offset commit when one was due
     */
    record BatchTiming(int records, List<String> eventIds, long receivedAt, long sentAt, long ackedAt,
                       long confirmedAt) {
    }
}
