package org.jobsearch.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What happened to an interview's schedule. */
public enum InterviewChange {
    @JsonProperty("scheduled") SCHEDULED,
    @JsonProperty("rescheduled") RESCHEDULED,
    @JsonProperty("cancelled") CANCELLED
}
