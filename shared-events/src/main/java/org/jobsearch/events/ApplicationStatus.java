package org.jobsearch.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An application's screening status. Adding a value is a breaking change (a new event version). */
public enum ApplicationStatus {
    /** The status on creation, until the company answers. */
    @JsonProperty("no_response") NO_RESPONSE,
    @JsonProperty("callback") CALLBACK,
    @JsonProperty("rejected") REJECTED,
    @JsonProperty("closed") CLOSED
}
