package org.jobsearch.discovery.ats;

import java.util.Objects;

/**
 * Fetch one company's postings.
 *
 * @param config     where the postings live
 * @param searchTerm sent to platforms that search server-side (Workday, SmartRecruiters); the others return
 *                   their whole board and ignore it ({@link AtsService#searchesServerSide}). Null or blank: no search.
 */
public record FetchRequest(AtsConfig config, String searchTerm) {

    public FetchRequest {
        Objects.requireNonNull(config, "config");
        searchTerm = searchTerm == null || searchTerm.isBlank() ? null : searchTerm.strip();
    }
}
