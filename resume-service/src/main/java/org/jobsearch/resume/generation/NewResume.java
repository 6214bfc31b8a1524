package org.jobsearch.resume.generation;

import java.util.UUID;

/**
 * A request to parse a JD and then write and render its resume (exactly one of {@code jdText} and {@code listingId}).
 *
 * @param template  a built-in's key or a template id; {@code null} chooses by the parse
 * @param requestId a command's id: a repeated one is the same resume; {@code null} from the REST API
 */
public record NewResume(String jdText, UUID listingId, String source, String template, UUID requestId) {
}
