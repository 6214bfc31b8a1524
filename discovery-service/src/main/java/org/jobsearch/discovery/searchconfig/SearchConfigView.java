package org.jobsearch.discovery.searchconfig;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/** One user's search: which titles they want (term or related terms), which they never want, where. */
public record SearchConfigView(UUID id, UUID ownerId, String searchTerm, List<String> relatedTerms,
                               List<String> excludeTerms, List<String> locationFilters, boolean active,
                               Instant createdAt, Instant updatedAt) {

    public SearchConfigView {
        relatedTerms = List.copyOf(relatedTerms);
        excludeTerms = List.copyOf(excludeTerms);
        locationFilters = List.copyOf(locationFilters);
    }

    /** Whether a posting matches this config, with the user's exclusions for the posting's company. */
    public boolean matches(String title, String location, Collection<String> companyExcludeTerms) {
        return active
                && TitleFilter.matches(title, searchTerm, relatedTerms,
                        Stream.concat(excludeTerms.stream(), companyExcludeTerms.stream()).toList())
                && TitleFilter.locationMatches(location, locationFilters);
    }
}
