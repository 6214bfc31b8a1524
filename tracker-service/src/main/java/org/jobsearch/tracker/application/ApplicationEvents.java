package org.jobsearch.tracker.application;

import org.jobsearch.events.ApplicationStatus;
import org.jobsearch.events.ApplicationStatusChanged;
import org.jobsearch.tracker.job.JobDetails;

import java.time.Instant;
import java.util.UUID;

/** The integration events of an application. */
final class ApplicationEvents {

    private ApplicationEvents() {
    }

    /** The status is now {@code application.status()}; {@code previous} is null for a new application. */
    static ApplicationStatusChanged statusChanged(Application application, ApplicationStatus previous, Instant changedAt,
                                                  JobDetails job, Instant occurredAt) {
        return new ApplicationStatusChanged(UUID.randomUUID(), occurredAt, application.id(), application.jobId(),
                application.ownerId(), previous, application.status(), changedAt,
                new ApplicationStatusChanged.JobSnapshot(job.company(), job.title(), job.externalJobId(),
                        job.sourceListingId()));
    }
}
