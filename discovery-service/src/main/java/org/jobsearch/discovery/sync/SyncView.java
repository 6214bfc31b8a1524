package org.jobsearch.discovery.sync;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A sync and how far it got: {@code status} is {@code queued}, {@code running}, {@code completed} or
 * {@code failed}; one line per company × search term ({@code ""}: the whole board was fetched).
 */
public record SyncView(UUID id, String status, UUID companyId, String keywords, Integer max, int fetchesTotal,
                       int fetchesDone, String error, Instant createdAt, Instant startedAt, Instant finishedAt,
                       List<Line> summary) {

    public SyncView {
        summary = List.copyOf(summary);
    }

    public record Line(UUID companyId, String company, String searchTerm, int newListings, int updated, int total,
                       int newToReview, String error) {
    }
}
