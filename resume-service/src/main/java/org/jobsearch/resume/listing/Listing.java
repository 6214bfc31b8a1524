package org.jobsearch.resume.listing;

import java.util.UUID;

/** A discovered posting as resume keeps it; {@code descriptionHtml} was sanitized by discovery. */
public record Listing(UUID listingId, String company, String title, String location, String url,
                      String descriptionHtml) {
}
