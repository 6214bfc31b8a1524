package org.jobsearch.tracker.interview;

import org.jobsearch.events.ApplicationStatus;

/**
 * The interview cannot be scheduled or changed as asked (a 409): its application is not in {@code callback}, its
 * interview process has ended, or the interview was cancelled.
 *
 * @see #currentStatus()
 */
public class InterviewRefusedException extends RuntimeException {

    private final ApplicationStatus currentStatus;

    InterviewRefusedException(String detail, ApplicationStatus currentStatus) {
        super(detail);
        this.currentStatus = currentStatus;
    }

    /** The application's status when refused. */
    public ApplicationStatus currentStatus() {
        return currentStatus;
    }
}
