package org.jobsearch.prep.preparation;

import java.time.Instant;
import java.util.UUID;

/**
 * A generation asked for, and how far it got.
 *
 * @param interviewId null for the base prep
 * @param reason      {@code callback}, {@code scheduled}, {@code rescheduled} or {@code regenerate}
 * @param status      {@code waiting} (for the job description to arrive), {@code pending}, {@code running},
 *                    {@code done}, {@code skipped} (the interview was cancelled) or {@code failed}
 * @param error       why it failed or was skipped
 * @param documentId  the version it produced (or found, for an automatic base prep that already existed)
 */
public record GenerationView(UUID id, UUID applicationId, UUID interviewId, String reason, String status,
                             String error, UUID documentId, Instant requestedAt, Instant finishedAt) {
}
