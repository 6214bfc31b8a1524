package org.jobsearch.discovery.listing;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Filters of the listing view; null means "any".
 *
 * @param status      one status, null for all
 * @param keywords    in the title or the location, ignoring case
 * @param postedSince posted on or after this day
 */
public record ListingQuery(ReviewStatus status, UUID companyId, String keywords, Boolean remote,
                           LocalDate postedSince) {

    public ListingQuery {
        keywords = keywords == null || keywords.isBlank() ? null : keywords.strip();
    }
}
