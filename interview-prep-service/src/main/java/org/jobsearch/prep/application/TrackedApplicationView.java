package org.jobsearch.prep.application;

import java.time.Instant;
import java.util.UUID;

/**
 * An application interview-prep knows of.
 *
 * @param status    {@code no_response}, {@code callback}, {@code rejected} or {@code closed}
 * @param changedAt when its status last changed
 */
public record TrackedApplicationView(UUID applicationId, UUID jobId, String company, String title, String status,
                                     Instant changedAt) {
}
