package org.jobsearch.discovery.company;

import java.util.UUID;

/** The catalog already has a company on this board. */
public class DuplicateCompanyException extends RuntimeException {

    private final UUID existingId;

    DuplicateCompanyException(String key, UUID existingId) {
        super("The catalog already has a company for " + key);
        this.existingId = existingId;
    }

    public UUID existingId() {
        return existingId;
    }
}
