package org.jobsearch.messaging;

import java.util.function.Supplier;

/**
 * The W3C {@code traceparent} of the current request, written to each outbox row and from there to
 * the event's header, so a trace follows a request across Kafka. A service with tracing provides
 * one; without it the header is left out.
 */
@FunctionalInterface
public interface TraceparentSupplier extends Supplier<String> {
}
