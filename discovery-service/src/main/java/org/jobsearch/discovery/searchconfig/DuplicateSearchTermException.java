package org.jobsearch.discovery.searchconfig;

import java.util.UUID;

/** The user already has a search config with this term (ignoring case). */
public class DuplicateSearchTermException extends RuntimeException {

    private final UUID existingId;

    DuplicateSearchTermException(String searchTerm, UUID existingId) {
        super("You already have a search config for '" + searchTerm + "'");
        this.existingId = existingId;
    }

    public UUID existingId() {
        return existingId;
    }
}
