package org.jobsearch.discovery.company;

import org.jobsearch.discovery.ats.AtsConfig;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A catalog company as one user sees it.
 *
 * @param followed     whether the viewer follows it
 * @param excludeTerms the viewer's title exclusions for it (empty unless followed)
 */
public record CompanyView(UUID id, String name, AtsConfig config, String careersUrl, boolean active,
                          boolean followed, List<String> excludeTerms, Instant createdAt, Instant updatedAt) {

    public CompanyView {
        excludeTerms = List.copyOf(excludeTerms);
    }
}
