package org.jobsearch.tracker.application.web;

import org.jobsearch.events.ApplicationStatus;
import org.jobsearch.tracker.application.ApplicationView;

import java.time.Instant;
import java.util.UUID;

/** An application with its job. {@code status} is {@code no_response}, {@code callback}, {@code rejected} or {@code closed}. */
record ApplicationResponse(UUID id, UUID jobId, String company, String title, String externalJobId, String source,
                           ApplicationStatus status, Instant appliedAt) {

    static ApplicationResponse of(ApplicationView view) {
        return new ApplicationResponse(view.id(), view.jobId(), view.company(), view.title(), view.externalJobId(),
                view.source(), view.status(), view.appliedAt());
    }
}
