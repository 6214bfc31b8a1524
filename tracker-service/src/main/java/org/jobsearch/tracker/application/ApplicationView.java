package org.jobsearch.tracker.application;

import org.jobsearch.events.ApplicationStatus;

import java.time.Instant;
import java.util.UUID;

/** An application with its job, as the feature hands it out. */
public record ApplicationView(UUID id, UUID jobId, String company, String title, String externalJobId, String source,
                              ApplicationStatus status, Instant appliedAt) {
}
