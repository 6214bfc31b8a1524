package org.jobsearch.tracker.interview;

import java.time.Instant;
import java.util.Objects;

/**
 * What the user knows of an interview.
 *
 * @param format optional until known
 * @param focus  optional until known
 * @param notes  logistics: links, dial-in, whom to ask for
 */
public record InterviewDetails(InterviewStage stage, InterviewFormat format, InterviewFocus focus,
                               String interviewerName, String interviewerTitle, Instant scheduledAt, String notes) {

    public InterviewDetails {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(scheduledAt, "scheduledAt");
    }
}
