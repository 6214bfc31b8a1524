package org.jobsearch.tracker.application;

import org.jobsearch.events.ApplicationStatus;
import org.jobsearch.tracker.job.ResumeLink;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An application with its job, as the feature hands it out.
 *
 * @param desiredSalary whole US dollars per year, if stated
 * @param outcome       how the interview process ended; null until then
 * @param history       every status, oldest first; null where only the current status was asked for (lists)
 * @param resume        the latest resume rendered for the job, if any
 */
public record ApplicationView(UUID id, UUID jobId, String company, String title, String externalJobId, String source,
                              ApplicationStatus status, Instant appliedAt, Integer desiredSalary,
                              ProcessOutcome outcome, List<StatusEntry> history, ResumeLink resume) {
}
