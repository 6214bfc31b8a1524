package org.jobsearch.tracker.application;

import org.jobsearch.tracker.job.NewJob;

import java.time.Instant;
import java.util.UUID;

/**
 * The user applied to a job: one they track already ({@code jobId}), or one they add with the application
 * ({@code newJob}). Exactly one of the two is given.
 *
 * @param appliedAt     when the user applied; null for now
 * @param desiredSalary whole US dollars per year; below 1000 it is read as thousands (the reference's rule)
 */
public record NewApplication(UUID jobId, NewJob newJob, Instant appliedAt, Integer desiredSalary) {

    public NewApplication {
        if ((jobId == null) == (newJob == null)) {
            throw new IllegalArgumentException("exactly one of jobId and newJob must be given");
        }
    }
}
