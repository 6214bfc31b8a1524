package org.jobsearch.messaging.relay;

/** Where a relay instance stands in the single-active election. */
public enum RelayState {
    /** Not started, or closed. */
    STOPPED,
    /** Another instance holds the lock; this one polls for it. */
    STANDBY,
    /** Holds the lock, waiting for the slot to be free or starting the engine. */
    STARTING,
    /** Holds the lock and streams the outbox to Kafka. */
    STREAMING
}
