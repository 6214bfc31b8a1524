package org.jobsearch.messaging.inbox;

import io.micrometer.core.instrument.MeterRegistry;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what the inbox did, also as the Micrometer counter {@code jobsearch.inbox.events}
 * tagged {@code outcome=processed|duplicate|skipped}.
 */
public class InboxStats {

    private final LongAdder processed = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder skipped = new LongAdder();

    public InboxStats(MeterRegistry registry) {
        if (registry != null) {
            registry.more().counter("jobsearch.inbox.events", io.micrometer.core.instrument.Tags.of("outcome", "processed"), processed);
            registry.more().counter("jobsearch.inbox.events", io.micrometer.core.instrument.Tags.of("outcome", "duplicate"), duplicates);
            registry.more().counter("jobsearch.inbox.events", io.micrometer.core.instrument.Tags.of("outcome", "skipped"), skipped);
        }
    }

    void processed() {
        processed.increment();
    }

    void duplicate() {
        duplicates.increment();
    }

    void skipped() {
        skipped.increment();
    }

    /** Events whose effect ran (and committed). */
    public long processedCount() {
        return processed.sum();
    }

    /** Redeliveries recognised by their event id and not run again. */
    public long duplicateCount() {
        return duplicates.sum();
    }

    /** Records of a type no handler of this service takes. */
    public long skippedCount() {
        return skipped.sum();
    }
}
