package org.jobsearch.tracker.company;

import org.jobsearch.events.ApplicationStatus;
import org.jobsearch.tracker.application.ProcessOutcome;

import java.util.Objects;

/**
 * The status the company page shows for an application, by the reference's rules, first that applies:
 * <ol>
 *   <li>the interview process outcome's label (Offer, Rejected, Failed, Ghosted, Withdrew), if there is one;</li>
 *   <li>"Interviewing" if the status is {@code callback};</li>
 *   <li>the status label: "Rejected" or "Closed";</li>
 *   <li>"No Response".</li>
 * </ol>
 * Active: no answer yet, or a callback whose process has no outcome. Inactive: rejected, closed, or any outcome.
 *
 * @param label  as the page shows it
 * @param active whether the application is still in play
 */
public record CompanyStatus(String label, boolean active) {

    public CompanyStatus {
        Objects.requireNonNull(label, "label");
    }

    public static CompanyStatus of(ApplicationStatus status, ProcessOutcome outcome) {
        if (outcome != null) {
            return new CompanyStatus(outcome.outcome().label(), false);
        }
        return switch (status) {
            case CALLBACK -> new CompanyStatus("Interviewing", true);
            case REJECTED -> new CompanyStatus("Rejected", false);
            case CLOSED -> new CompanyStatus("Closed", false);
            case NO_RESPONSE -> new CompanyStatus("No Response", true);
        };
    }
}
