package org.jobsearch.resume.job;

import org.jobsearch.resume.jd.ParsedJd;

import java.time.Instant;
import java.util.UUID;

/** A job with its JD (raw and cleaned) and the parse; {@code parser} says who parsed it ({@code offline} or a model). */
public record JobView(UUID id, String source, UUID sourceListingId, String rawJd, String cleanedJd, String parser,
                      ParsedJd parse, Instant createdAt) {
}
