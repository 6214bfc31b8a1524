package org.jobsearch.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every integration event type, with what producers and consumers need to route and map it: the {@code ce_type}
 * header value, the record class, the outbox aggregate type and the topic. One constant per event version.
 */
public enum EventType {

    JOB_LISTING_DISCOVERED("JobListingDiscovered", 1, JobListingDiscovered.class, "joblisting", Topics.JOBLISTING_EVENTS),
    JD_PARSED("JdParsed", 1, JdParsed.class, "job", Topics.JOB_EVENTS),
    RESUME_RENDERED("ResumeRendered", 1, ResumeRendered.class, "resume", Topics.RESUME_EVENTS),
    APPLICATION_STATUS_CHANGED("ApplicationStatusChanged", 1, ApplicationStatusChanged.class, "application",
            Topics.APPLICATION_EVENTS),
    INTERVIEW_SCHEDULED("InterviewScheduled", 1, InterviewScheduled.class, "application", Topics.APPLICATION_EVENTS),
    /** A command: produced straight to its topic, not through an outbox. */
    RESUME_REQUESTED("ResumeRequested", 1, ResumeRequested.class, "resume-request", Topics.RESUME_COMMANDS);

    private static final Map<String, EventType> BY_TYPE_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::typeName, Function.identity()));

    private final String eventName;
    private final int version;
    private final Class<? extends IntegrationEvent> recordType;
    private final String aggregateType;
    private final String topic;

    EventType(String eventName, int version, Class<? extends IntegrationEvent> recordType, String aggregateType,
              String topic) {
        this.eventName = eventName;
        this.version = version;
        this.recordType = recordType;
        this.aggregateType = aggregateType;
        this.topic = topic;
    }

    /** The event's name without version, e.g. {@code JdParsed}. */
    public String eventName() {
        return eventName;
    }

    public int version() {
        return version;
    }

    /** {@code <EventName>.v<N>}, e.g. {@code JdParsed.v1}: the value of the {@link EventHeaders#CE_TYPE} header. */
    public String typeName() {
        return eventName + ".v" + version;
    }

    public Class<? extends IntegrationEvent> recordType() {
        return recordType;
    }

    /** The outbox's {@code aggregatetype}, which routes an event to {@link Topics#forAggregate}. */
    public String aggregateType() {
        return aggregateType;
    }

    public String topic() {
        return topic;
    }

    /** Classpath location of the JSON Schema, e.g. {@code schemas/JdParsed.v1.json}. */
    public String schemaResource() {
        return "schemas/" + typeName() + ".json";
    }

    /** Classpath location of the golden sample, e.g. {@code samples/JdParsed.v1.json}. */
    public String sampleResource() {
        return "samples/" + typeName() + ".json";
    }

    /** The type named by a {@code ce_type} header; empty for a type this version of the contracts does not know. */
    public static Optional<EventType> byTypeName(String typeName) {
        return Optional.ofNullable(typeName).map(BY_TYPE_NAME::get);
    }

    /**
     * The type of an event record class.
     *
     * @throws IllegalArgumentException if the class is not an event record listed here
     */
    public static EventType of(Class<?> recordType) {
        for (EventType type : values()) {
            if (type.recordType == recordType) {
                return type;
            }
        }
        throw new IllegalArgumentException("Not an integration event record: "
                + (recordType == null ? "null" : recordType.getName()));
    }
}
