package org.jobsearch.messaging.inbox;

/**
 * Turns one type of event on one topic into a service call. Implementations are Spring beans; the
 * inbox subscribes to their topics, picks records by the {@code ce_type} header, deserializes and
 * validates the payload, and calls {@link #handle} inside a transaction that first records the
 * event id, so a redelivered event is a no-op.
 *
 * @param <T> the payload record
 */
public interface EventHandler<T> {

    /** The topic the event arrives on. */
    String topic();

    /** The {@code ce_type} value this handler takes, e.g. {@code ApplicationStatusChanged.v1}. */
    String eventType();

    Class<T> payloadType();

    /** Runs in the inbox's transaction; throw to have the record retried and then dead-lettered. */
    void handle(T payload, EventEnvelope envelope);

    /** The key under which processed events are remembered; stable across releases. */
    default String name() {
        return getClass().getName();
    }
}
