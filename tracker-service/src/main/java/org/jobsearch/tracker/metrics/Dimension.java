package org.jobsearch.tracker.metrics;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What the dashboard breaks applications down by; {@link #key()} names it in requests and responses. */
public enum Dimension {
    ROLE("role"),
    SPECIALIZATION("specialization"),
    LEVEL("level"),
    /** The grouped location (user setting "location groups"). */
    LOCATION("location"),
    WORK_SETTING("workSetting"),
    SOURCE("source"),
    MIN_YEARS("minYears"),
    /** The job's minimum salary, in buckets. */
    MIN_SALARY("minSalary"),
    /** The job's maximum salary, in buckets. */
    MAX_SALARY("maxSalary");

    private final String key;

    Dimension(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    boolean salary() {
        return this == MIN_SALARY || this == MAX_SALARY;
    }

    /** @throws IllegalArgumentException naming the accepted keys */
    public static Dimension of(String key) {
        return Arrays.stream(values()).filter(d -> d.key.equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of " + Arrays.stream(values())
                        .map(Dimension::key).collect(Collectors.joining(", "))));
    }
}
