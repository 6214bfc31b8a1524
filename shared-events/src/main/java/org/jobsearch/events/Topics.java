package org.jobsearch.events;

import java.util.List;

/**
 * Kafka topic names. Events are routed by aggregate type ({@code <aggregate>.events}, see {@link #forAggregate});
 * commands from outside the platform have their own topic.
 */
public final class Topics {

    public static final String JOBLISTING_EVENTS = "joblisting.events";
    public static final String JOB_EVENTS = "job.events";
    public static final String RESUME_EVENTS = "resume.events";
    public static final String APPLICATION_EVENTS = "application.events";
    public static final String RESUME_COMMANDS = "resume.commands";

    /** Every topic above, in that order (dead-letter topics not included). */
    public static final List<String> ALL =
            List.of(JOBLISTING_EVENTS, JOB_EVENTS, RESUME_EVENTS, APPLICATION_EVENTS, RESUME_COMMANDS);

    private static final String DLT_SUFFIX = "-dlt";
    private static final String EVENTS_SUFFIX = ".events";

    private Topics() {
    }

    /** The dead-letter topic of {@code topic}: {@code <topic>-dlt}, Spring Kafka's default suffix. */
    public static String dlt(String topic) {
        return topic + DLT_SUFFIX;
    }

    /** The topic the outbox router sends an aggregate's events to: {@code <aggregateType>.events}. */
    public static String forAggregate(String aggregateType) {
        return aggregateType + EVENTS_SUFFIX;
    }
}
