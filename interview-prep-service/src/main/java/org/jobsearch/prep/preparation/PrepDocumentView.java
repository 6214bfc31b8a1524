package org.jobsearch.prep.preparation;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One version of a prep document.
 *
 * @param interviewId   null for the application's base prep
 * @param generator     {@code offline}, or {@code <provider>/<model>}; an edit keeps the generator of the version it
 *                      changed
 * @param editedSection the section the user changed to make this version; null for a generated version
 * @param sections      section key → markdown, in document order
 */
public record PrepDocumentView(UUID id, UUID applicationId, UUID interviewId, int version, String generator,
                               boolean offline, String editedSection, Instant createdAt, Map<String, String> sections) {
}
