package org.jobsearch.resume.job;

import java.util.UUID;

/** A job was asked for a listing resume has not seen (no {@code JobListingDiscovered} for it). */
public class ListingNotFoundException extends RuntimeException {

    private final UUID listingId;

    public ListingNotFoundException(UUID listingId) {
        super("No discovered listing with id " + listingId);
        this.listingId = listingId;
    }

    public UUID listingId() {
        return listingId;
    }
}
