package org.jobsearch.tracker.job;

import java.util.UUID;

/**
 * A job as other features see it.
 *
 * @param sourceListingId the discovery listing the job came from, if it came through a {@code JdParsed} that said so
 * @param resume          the latest resume rendered for the job, if any
 */
public record JobDetails(UUID id, String company, String title, String externalJobId, String source,
                         UUID sourceListingId, ResumeLink resume) {
}
