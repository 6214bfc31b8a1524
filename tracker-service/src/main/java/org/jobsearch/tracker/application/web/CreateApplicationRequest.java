package org.jobsearch.tracker.application.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jobsearch.tracker.application.NewApplication;

/**
 * {@code POST /api/tracker/applications}: the user applied to a job they add by hand. The limits are the event
 * contract's ({@code ApplicationStatusChanged.job}), so whatever is accepted here can be published.
 *
 * @param title         the listing's job title
 * @param externalJobId the employer's job or requisition id, optional
 * @param source        where the user found the job: lower snake case, e.g. {@code linkedin}, {@code company_site}
 */
record CreateApplicationRequest(
        @NotBlank @Size(max = 255) String company,
        @NotBlank @Size(max = 255) String title,
        @Size(max = 255) String externalJobId,
        @NotBlank @Size(max = 50) @Pattern(regexp = "^[a-z0-9_]+$", message = "must be lower snake case, e.g. linkedin")
        String source) {

    NewApplication toCommand() {
        String externalId = externalJobId == null || externalJobId.isBlank() ? null : externalJobId.strip();
        return new NewApplication(company.strip(), title.strip(), externalId, source);
    }
}
