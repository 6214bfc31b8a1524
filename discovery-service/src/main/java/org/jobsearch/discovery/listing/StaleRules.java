package org.jobsearch.discovery.listing;

import java.time.Duration;
import java.time.Instant;

/**
 * Stale listings: a fetch scope (company × search term, or the company's whole board) marks the listings it saw
 * before and misses now as stale; a listing is stale when every scope that saw it has lost it. A stale listing not
 * fetched for longer than the retention is removed, unless a user marked it interested or applied.
 */
public final class StaleRules {

    private StaleRules() {
    }

    /** A fetch can prove absence only when it succeeded and was not cut short by a posting cap. */
    public static boolean fetchMarksStale(boolean fetchSucceeded, boolean truncated) {
        return fetchSucceeded && !truncated;
    }

    /** Whether a listing may be removed. */
    public static boolean removable(boolean stale, Instant lastFetchedAt, Instant now, Duration retention,
                                    boolean anyReviewProtects) {
        return stale && lastFetchedAt.isBefore(now.minus(retention)) && !anyReviewProtects;
    }

    static Instant cutoff(Instant now, Duration retention) {
        return now.minus(retention);
    }
}
