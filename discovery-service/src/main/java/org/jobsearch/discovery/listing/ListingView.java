package org.jobsearch.discovery.listing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A listing as one user reviews it. {@code sources} lists every platform the same posting was found on (the
 * listing itself first).
 */
public record ListingView(UUID id, UUID companyId, String company, String platform, String externalId, String title,
                          String location, Boolean remote, LocalDate postedDate, String url, String department,
                          String descriptionHtml, String compensation, ReviewStatus status, List<String> matchedTerms,
                          Instant firstSeenAt, Instant lastFetchedAt, List<Source> sources) {

    public ListingView {
        matchedTerms = List.copyOf(matchedTerms);
        sources = List.copyOf(sources);
    }

    public record Source(UUID listingId, String platform, String externalId, String url) {
    }

    ListingView withSources(List<Source> all) {
        return new ListingView(id, companyId, company, platform, externalId, title, location, remote, postedDate, url,
                department, descriptionHtml, compensation, status, matchedTerms, firstSeenAt, lastFetchedAt, all);
    }
}
