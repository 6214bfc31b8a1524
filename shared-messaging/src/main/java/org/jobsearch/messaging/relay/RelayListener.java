package org.jobsearch.messaging.relay;

/** Callbacks on a relay's life, for health, metrics and tests. */
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
}
