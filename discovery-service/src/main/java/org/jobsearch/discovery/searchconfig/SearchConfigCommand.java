package org.jobsearch.discovery.searchconfig;

import java.util.List;
import java.util.Objects;

/** What a user sets on a search config; terms are trimmed, blank ones dropped, duplicates (ignoring case) removed. */
public record SearchConfigCommand(String searchTerm, List<String> relatedTerms, List<String> excludeTerms,
                                  List<String> locationFilters, boolean active) {

    public SearchConfigCommand {
        searchTerm = Objects.requireNonNull(searchTerm, "searchTerm").strip();
        relatedTerms = Terms.clean(relatedTerms);
        excludeTerms = Terms.clean(excludeTerms);
        locationFilters = Terms.clean(locationFilters);
    }
}
