package org.jobsearch.discovery.sync;

import java.util.UUID;

/**
 * What to sync: every followed company and every active search term, or fewer.
 *
 * @param companyId only this company
 * @param keywords  only search terms containing this, ignoring case
 * @param max       at most this many postings per company and term
 */
public record SyncRequest(UUID companyId, String keywords, Integer max) {

    public static final SyncRequest ALL = new SyncRequest(null, null, null);

    public SyncRequest {
        keywords = keywords == null || keywords.isBlank() ? null : keywords.strip();
        if (max != null && max < 1) {
            throw new IllegalArgumentException("max must be positive");
        }
    }
}
