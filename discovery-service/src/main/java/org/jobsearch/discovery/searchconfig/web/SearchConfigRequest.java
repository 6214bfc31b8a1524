package org.jobsearch.discovery.searchconfig.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jobsearch.discovery.searchconfig.SearchConfigCommand;

import java.util.List;

/** A search config as the user writes it; {@code active} defaults to true. */
record SearchConfigRequest(
        @NotBlank @Size(max = 200) String searchTerm,
        @Size(max = 50) List<@NotBlank @Size(max = 200) String> relatedTerms,
        @Size(max = 50) List<@NotBlank @Size(max = 200) String> excludeTerms,
        @Size(max = 50) List<@NotBlank @Size(max = 200) String> locationFilters,
        Boolean active) {

    SearchConfigCommand command() {
        return new SearchConfigCommand(searchTerm, relatedTerms, excludeTerms, locationFilters,
                active == null || active);
    }
}
