package org.jobsearch.tracker.application.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jobsearch.events.ApplicationStatus;
import org.jobsearch.tracker.application.ApplicationView;
import org.jobsearch.tracker.application.ProcessOutcome;
import org.jobsearch.tracker.application.StatusEntry;
import org.jobsearch.tracker.job.ResumeLink;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An application with its job. {@code status} is {@code no_response}, {@code callback}, {@code rejected} or
 * {@code closed}; absent members ({@code desiredSalary}, {@code outcome}, {@code resume}) are unknown yet.
 *
 * @param history every status, oldest first; only on the single application, not in lists
 * @param resume  the latest resume rendered for the job
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ApplicationResponse(UUID id, UUID jobId, String company, String title, String externalJobId, String source,
                           ApplicationStatus status, Instant appliedAt, Integer desiredSalary, ProcessOutcome outcome,
                           List<StatusEntry> history, ResumeLink resume) {

    static ApplicationResponse of(ApplicationView view) {
        return new ApplicationResponse(view.id(), view.jobId(), view.company(), view.title(), view.externalJobId(),
                view.source(), view.status(), view.appliedAt(), view.desiredSalary(), view.outcome(), view.history(),
                view.resume());
    }
}
