package org.jobsearch.resume.job;

import java.util.UUID;

/**
 * A job to create from pasted JD text or a discovered listing (exactly one).
 *
 * @param requestId the {@code ResumeRequested} command's id when the job comes from one
 */
public record NewJob(String jdText, UUID listingId, String source, UUID requestId) {
}
