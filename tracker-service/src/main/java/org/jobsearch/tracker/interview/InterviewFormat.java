package org.jobsearch.tracker.interview;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The reference's Interview.format choices. */
public enum InterviewFormat {
    @JsonProperty("phone_call") PHONE_CALL,
    @JsonProperty("virtual_meeting") VIRTUAL_MEETING,
    @JsonProperty("onsite") ONSITE;

    public String value() {
        return Choices.value(this);
    }
}
