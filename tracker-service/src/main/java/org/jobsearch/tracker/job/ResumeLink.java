package org.jobsearch.tracker.job;

import java.time.Instant;
import java.util.UUID;

/**
 * A resume rendered for a job, as resume-service announced it ({@code ResumeRendered}).
 *
 * @param pdfPath    gateway-relative, e.g. {@code /api/resumes/<id>/versions/2/pdf}
 * @param renderedAt the event's {@code occurredAt}
 */
public record ResumeLink(UUID resumeId, int version, String pdfPath, Instant renderedAt) {
}
