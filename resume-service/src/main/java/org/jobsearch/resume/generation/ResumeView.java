package org.jobsearch.resume.generation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A resume: where its pipeline stands, its current content with the user's edits and coverage, its newest version
 * and every version's PDF link.
 *
 * @param jobId      {@code null} until the parse step has made the job
 * @param template   the template used: a built-in's key ({@code engineer}) or a user template's id; {@code null}
 *                   until the write step has chosen it
 * @param status     {@code queued}, {@code parsing}, {@code writing}, {@code rendering}, {@code done} or
 *                   {@code failed}
 * @param steps      parse, write and render, each {@code pending}, {@code running}, {@code done} or {@code failed}
 * @param failure    why the pipeline stopped; {@code null} unless failed
 * @param version    the newest version; {@code null} before the first render
 * @param writer     who wrote the bullets: {@code offline} or {@code <provider>/<model>}
 * @param style      the style that fit the newest version on one page
 * @param content    {@code null} until the write step is done; edits apply here
 * @param coverage   of the current content (edits applied); {@code null} until written
 */
public record ResumeView(UUID id, UUID jobId, String company, String title, String template, String status,
                         List<Step> steps, Failure failure, Integer version, String writer, String style,
                         String fileName, String pdfPath, ResumeContent content, Coverage coverage,
                         List<Version> versions, Instant updatedAt) {

    public record Version(int version, String style, String fileName, String pdfPath, Instant createdAt) {
    }

    /**
     * @param name   {@code parse}, {@code write} or {@code render}
     * @param status {@code pending}, {@code running}, {@code done} or {@code failed}
     * @param error  the failure's message when failed
     */
    public record Step(String name, String status, Instant startedAt, Instant finishedAt, String error) {
    }

    /**
     * @param step   the step that failed
     * @param reason {@code BUDGET_EXCEEDED}, {@code INVALID_OUTPUT}, {@code TRUNCATED}, {@code PROVIDER_ERROR},
     *               {@code NO_TEMPLATE}, {@code TOO_LONG}, {@code NO_PROFILE}, {@code NO_EXPERIENCE},
     *               {@code LISTING_NOT_FOUND} or {@code INTERNAL_ERROR}
     */
    public record Failure(String step, String reason, String message) {
    }

    /** One row of the resume list. */
    public record Summary(UUID id, UUID jobId, String company, String title, String status, Integer latestVersion,
                          Instant updatedAt) {
    }
}
