package org.jobsearch.tracker.application;

import org.jobsearch.events.ApplicationStatus;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.jobsearch.events.ApplicationStatus.CALLBACK;
import static org.jobsearch.events.ApplicationStatus.CLOSED;
import static org.jobsearch.events.ApplicationStatus.NO_RESPONSE;
import static org.jobsearch.events.ApplicationStatus.REJECTED;

/**
 * Which screening status may follow which. The screening status records the company's one answer to the
 * application, as the reference's funnel counts it (callback rate = callbacks ÷ applications; rejected, closed and
 * no-response shares of the same total):
 *
 * <pre>
 * no_response → callback | rejected | closed
 * callback, rejected, closed: final
 * </pre>
 *
 * What happens after a callback is the interview process, whose end (offer, rejected, failed, ghosted, withdrew) is
 * the application's outcome, not a later status — as in the reference, where a callback that ends in a rejection
 * still counts as a callback and the company page shows the outcome. {@code no_response} is only the initial status.
 */
final class StatusTransitions {

    private static final Map<ApplicationStatus, Set<ApplicationStatus>> ALLOWED = Map.of(
            NO_RESPONSE, EnumSet.of(CALLBACK, REJECTED, CLOSED),
            CALLBACK, EnumSet.noneOf(ApplicationStatus.class),
            REJECTED, EnumSet.noneOf(ApplicationStatus.class),
            CLOSED, EnumSet.noneOf(ApplicationStatus.class));

    private StatusTransitions() {
    }

    static Set<ApplicationStatus> allowedFrom(ApplicationStatus current) {
        return Set.copyOf(ALLOWED.get(current));
    }

    /** Why {@code current} may not become {@code requested}; empty when it may. */
    static Optional<String> refusal(ApplicationStatus current, ApplicationStatus requested) {
        if (ALLOWED.get(current).contains(requested)) {
            return Optional.empty();
        }
        if (requested == NO_RESPONSE) {
            return Optional.of("no_response is only the status of a new application");
        }
        if (current == requested) {
            return Optional.of("the application is already " + value(current));
        }
        if (current == CALLBACK) {
            return Optional.of("a callback is final; record how the interview process ended with "
                    + "PUT /api/tracker/applications/{id}/outcome (offer, rejected, failed, ghosted, withdrew)");
        }
        return Optional.of(value(current) + " is final");
    }

    static String value(ApplicationStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
