package org.jobsearch.prep.preparation;

import java.time.Instant;
import java.util.UUID;

/**
 * An interview as tracker scheduled it, with the debrief notes the user wrote here.
 *
 * @param change {@code scheduled}, {@code rescheduled} or {@code cancelled}: the last change tracker announced
 */
public record InterviewView(UUID interviewId, UUID applicationId, UUID jobId, String change, String stage,
                            String format, String focus, String interviewerName, String interviewerTitle,
                            Instant scheduledAt, String questionsAsked, String selfReflection,
                            Instant debriefUpdatedAt) {

    public boolean cancelled() {
        return "cancelled".equals(change);
    }

    public boolean hasDebrief() {
        return (questionsAsked != null && !questionsAsked.isBlank())
                || (selfReflection != null && !selfReflection.isBlank());
    }
}
