package org.jobsearch.tracker.application.web;

import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.jobsearch.tracker.application.NewApplication;
import org.jobsearch.tracker.job.NewJob;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code POST /api/tracker/applications}: the user applied to a job they track ({@code jobId}), or to one they add
 * with the application ({@code company}, {@code title}, {@code externalJobId}, {@code source}). The limits are the
 * event contract's ({@code ApplicationStatusChanged.job}), so whatever is accepted here can be published.
 *
 * @param jobId         one of the user's jobs; when given, the job fields must be absent
 * @param title         the listing's job title
 * @param externalJobId the employer's job or requisition id, optional
 * @param source        where the user found the job: lower snake case, e.g. {@code linkedin}, {@code company_site}
 * @param appliedAt     when the user applied; now if absent
 * @param desiredSalary whole US dollars per year; a value below 1000 is read as thousands (150 → 150000)
 */
@ValidTarget
record CreateApplicationRequest(
        UUID jobId,
        @Size(max = 255) String company,
        @Size(max = 255) String title,
        @Size(max = 255) String externalJobId,
        @Size(max = 50) @Pattern(regexp = "^[a-z0-9_]+$", message = "must be lower snake case, e.g. linkedin")
        String source,
        @PastOrPresent Instant appliedAt,
        @PositiveOrZero Integer desiredSalary) {

    NewApplication toCommand() {
        if (jobId != null) {
            return new NewApplication(jobId, null, appliedAt, desiredSalary);
        }
        String externalId = externalJobId == null || externalJobId.isBlank() ? null : externalJobId.strip();
        return new NewApplication(null, new NewJob(company.strip(), title.strip(), externalId, source), appliedAt,
                desiredSalary);
    }
}
