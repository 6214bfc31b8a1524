package org.jobsearch.discovery.appliedjob;

import java.time.Instant;
import java.util.UUID;

/**
 * A job the user applied to.
 *
 * @param status    {@code no_response}, {@code callback}, {@code rejected} or {@code closed}
 * @param appliedAt when the application was made (its first status change)
 * @param changedAt when its status last changed
 */
public record AppliedJobView(UUID applicationId, UUID jobId, String company, String title, String externalJobId,
                             UUID sourceListingId, String status, Instant appliedAt, Instant changedAt) {
}
