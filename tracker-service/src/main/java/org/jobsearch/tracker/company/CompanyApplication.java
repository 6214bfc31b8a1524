package org.jobsearch.tracker.company;

import org.jobsearch.events.ApplicationStatus;
import org.jobsearch.tracker.application.ProcessOutcome;

import java.time.Instant;
import java.util.UUID;

/**
 * One application at a company, as the company page lists it.
 *
 * @param status        the screening status
 * @param outcome       how the interview process ended, if it did
 * @param companyStatus what the page shows, and whether the application is active
 */
public record CompanyApplication(UUID applicationId, UUID jobId, Instant appliedAt, String title,
                                 String externalJobId, ApplicationStatus status, ProcessOutcome outcome,
                                 CompanyStatus companyStatus) {
}
