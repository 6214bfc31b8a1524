package org.jobsearch.tracker.interview;

import java.time.Instant;
import java.util.UUID;

/**
 * An interview with the job it is for.
 *
 * @param cancelledAt when it was cancelled; null while it stands
 */
public record InterviewView(UUID id, UUID applicationId, UUID jobId, String company, String title,
                            InterviewStage stage, InterviewFormat format, InterviewFocus focus, String interviewerName,
                            String interviewerTitle, Instant scheduledAt, String notes, Instant cancelledAt) {
}
