package org.jobsearch.discovery.listing;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Locale;

/** A user's review state of a listing. {@code applied} is terminal: nothing moves a listing back out of it. */
public enum ReviewStatus {
    @JsonProperty("new") NEW,
    @JsonProperty("interested") INTERESTED,
    @JsonProperty("dismissed") DISMISSED,
    @JsonProperty("applied") APPLIED;

    public boolean canMoveTo(ReviewStatus target) {
        return this != APPLIED || target == APPLIED;
    }

    /** Whether a listing in this status is kept even when stale for longer than the retention. */
    public boolean protectsFromCleanup() {
        return this == INTERESTED || this == APPLIED;
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReviewStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
