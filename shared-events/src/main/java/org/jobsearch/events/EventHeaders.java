package org.jobsearch.events;

/**
 * Kafka header names (CloudEvents binary mode, Kafka protocol binding) placed on every event record by the outbox
 * router. Consumers dedupe on {@link #CE_ID} and pick the types they handle by {@link #CE_TYPE}.
 */
public final class EventHeaders {

    /** The event id; equals the payload's {@code eventId} and the outbox row id. */
    public static final String CE_ID = "ce_id";
    /** {@code <EventName>.v<N>}, e.g. {@code ApplicationStatusChanged.v1}: see {@link EventType#typeName()}. */
    public static final String CE_TYPE = "ce_type";
    /** The producing service, e.g. {@code tracker-service}. */
    public static final String CE_SOURCE = "ce_source";
    /** When the event occurred, ISO-8601. */
    public static final String CE_TIME = "ce_time";
    public static final String CE_SPECVERSION = "ce_specversion";
    /** The value of {@link #CE_SPECVERSION}. */
    public static final String SPEC_VERSION = "1.0";
    /** W3C trace context. */
    public static final String TRACEPARENT = "traceparent";

    private EventHeaders() {
    }
}
