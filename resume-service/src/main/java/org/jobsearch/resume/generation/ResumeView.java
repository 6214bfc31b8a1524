package org.jobsearch.resume.generation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A resume with its newest version's content and coverage, and every version's PDF link.
 *
 * @param writer who wrote the bullets: {@code offline} or {@code <provider>/<model>}
 * @param style  the style that fit the content on one page
 */
public record ResumeView(UUID id, UUID jobId, String template, int version, String writer, String style,
                         String fileName, String pdfPath, ResumeContent content, Coverage coverage,
                         List<Version> versions) {

    public record Version(int version, String style, String fileName, String pdfPath, Instant createdAt) {
    }
}
