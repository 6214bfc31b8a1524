package org.jobsearch.prep.application.web;

import org.jobsearch.prep.application.TrackedApplicationView;

import java.time.Instant;
import java.util.UUID;

/** An application interview-prep knows of; {@code status} is {@code no_response}, {@code callback}, {@code rejected} or {@code closed}. */
record TrackedApplicationResponse(UUID applicationId, UUID jobId, String company, String title, String status,
                                  Instant changedAt) {

    static TrackedApplicationResponse of(TrackedApplicationView view) {
        return new TrackedApplicationResponse(view.applicationId(), view.jobId(), view.company(), view.title(),
                view.status(), view.changedAt());
    }
}
