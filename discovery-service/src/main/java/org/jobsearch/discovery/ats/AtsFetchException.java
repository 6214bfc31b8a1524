package org.jobsearch.discovery.ats;

/** Why a fetch stopped; {@link AtsService} turns it into a {@link FetchResult}, it never leaves the feature. */
final class AtsFetchException extends RuntimeException {

    private final FetchResult.Outcome outcome;

    AtsFetchException(FetchResult.Outcome outcome, String message) {
        super(message);
        this.outcome = outcome;
    }

    AtsFetchException(FetchResult.Outcome outcome, String message, Throwable cause) {
        super(message, cause);
        this.outcome = outcome;
    }

    FetchResult.Outcome outcome() {
        return outcome;
    }
}
