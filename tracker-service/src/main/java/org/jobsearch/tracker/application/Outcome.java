package org.jobsearch.tracker.application;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How an interview process ended (the reference's InterviewProcessStatus.outcome). */
public enum Outcome {
    @JsonProperty("offer") OFFER("Offer"),
    /** Rejected after interviews (a rejection before any callback is the screening status {@code rejected}). */
    @JsonProperty("rejected") REJECTED("Rejected"),
    /** The user performed poorly. */
    @JsonProperty("failed") FAILED("Failed"),
    @JsonProperty("ghosted") GHOSTED("Ghosted"),
    @JsonProperty("withdrew") WITHDREW("Withdrew");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    /** As the reference displays it. */
    public String label() {
        return label;
    }
}
