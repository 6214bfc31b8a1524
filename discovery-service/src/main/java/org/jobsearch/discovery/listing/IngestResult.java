package org.jobsearch.discovery.listing;

/**
 * What storing one page of a fetch did.
 *
 * @param newListings     listings created
 * @param updated         listings that existed
 * @param matched         postings that matched at least one follower's search config (stored)
 * @param newToReview     reviews created in status {@code new} (one per user and listing)
 */
public record IngestResult(int newListings, int updated, int matched, int newToReview) {

    public static final IngestResult NONE = new IngestResult(0, 0, 0, 0);

    public IngestResult plus(IngestResult other) {
        return new IngestResult(newListings + other.newListings, updated + other.updated, matched + other.matched,
                newToReview + other.newToReview);
    }
}
