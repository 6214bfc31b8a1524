package org.jobsearch.tracker.application;

import org.jobsearch.events.ApplicationStatus;

import java.util.UUID;

/**
 * What was asked does not fit the application's current state (a 409): a status change the transition rules refuse,
 * or an outcome before a callback.
 *
 * @see StatusTransitions
 */
public class ApplicationStateException extends RuntimeException {

    private final UUID applicationId;
    private final ApplicationStatus currentStatus;
    private final ApplicationStatus requestedStatus;
    private final String title;

    ApplicationStateException(String title, UUID applicationId, ApplicationStatus currentStatus,
                              ApplicationStatus requestedStatus, String detail) {
        super(detail);
        this.title = title;
        this.applicationId = applicationId;
        this.currentStatus = currentStatus;
        this.requestedStatus = requestedStatus;
    }

    static ApplicationStateException transition(UUID applicationId, ApplicationStatus current,
                                                ApplicationStatus requested, String reason) {
        return new ApplicationStateException("Status change not allowed", applicationId, current, requested,
                "Application " + applicationId + " is " + StatusTransitions.value(current) + " and cannot change to "
                        + StatusTransitions.value(requested) + ": " + reason);
    }

    static ApplicationStateException outcomeBeforeCallback(UUID applicationId, ApplicationStatus current) {
        return new ApplicationStateException("Outcome not allowed", applicationId, current, null,
                "Application " + applicationId + " is " + StatusTransitions.value(current)
                        + "; an interview process outcome can only be recorded after a callback");
    }

    public String title() {
        return title;
    }

    public UUID applicationId() {
        return applicationId;
    }

    public ApplicationStatus currentStatus() {
        return currentStatus;
    }

    /** Null when no status was asked for (an outcome). */
    public ApplicationStatus requestedStatus() {
        return requestedStatus;
    }
}
