package org.jobsearch.tracker.job;

import java.util.UUID;

/** A job as other features see it. */
public record JobDetails(UUID id, String company, String title, String externalJobId, String source) {
}
