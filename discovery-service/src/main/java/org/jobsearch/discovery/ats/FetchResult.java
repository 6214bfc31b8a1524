package org.jobsearch.discovery.ats;

import java.util.List;
import java.util.Objects;

/**
 * What fetching one company gave: its postings, or why there are none. Never thrown: one broken company is one
 * error result, the others are unaffected.
 *
 * @param request  what was asked
 * @param outcome  how it went
 * @param postings the postings (empty unless {@link Outcome#OK})
 * @param error    why it failed (null when {@link Outcome#OK})
 */
public record FetchResult(FetchRequest request, Outcome outcome, List<Posting> postings, String error) {

    public enum Outcome {
        /** Fetched; the list may be empty. */
        OK,
        /** The board, site or company does not exist on the platform (HTTP 404); not retried. */
        NOT_FOUND,
        /** Not attempted: the URL's host is not on the allow-list, or the config cannot be used. */
        REFUSED,
        /** Retries exhausted, an unexpected status, a malformed response, a timeout. */
        FAILED
    }

    public FetchResult {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(outcome, "outcome");
        postings = postings == null ? List.of() : List.copyOf(postings);
        if (outcome == Outcome.OK && error != null) {
            throw new IllegalArgumentException("a successful fetch has no error");
        }
        if (outcome != Outcome.OK && (error == null || error.isBlank() || !postings.isEmpty())) {
            throw new IllegalArgumentException("a failed fetch has an error and no postings");
        }
    }

    public static FetchResult ok(FetchRequest request, List<Posting> postings) {
        return new FetchResult(request, Outcome.OK, postings, null);
    }

    public static FetchResult failed(FetchRequest request, Outcome outcome, String error) {
        return new FetchResult(request, outcome, List.of(), error);
    }

    public boolean isOk() {
        return outcome == Outcome.OK;
    }
}
