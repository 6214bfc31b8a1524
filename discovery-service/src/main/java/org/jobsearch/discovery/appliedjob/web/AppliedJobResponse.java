package org.jobsearch.discovery.appliedjob.web;

import org.jobsearch.discovery.appliedjob.AppliedJobView;

import java.time.Instant;
import java.util.UUID;

/**
 * A job the user applied to. {@code status} is {@code no_response}, {@code callback}, {@code rejected} or
 * {@code closed}; {@code sourceListingId} is the discovery listing the job came from, when it did.
 */
record AppliedJobResponse(UUID applicationId, String company, String title, String externalJobId,
                          UUID sourceListingId, String status, Instant appliedAt) {

    static AppliedJobResponse of(AppliedJobView view) {
        return new AppliedJobResponse(view.applicationId(), view.company(), view.title(), view.externalJobId(),
                view.sourceListingId(), view.status(), view.appliedAt());
    }
}
