package org.jobsearch.tracker.application;

import java.util.Objects;

/**
 * The user applied to a job they add by hand.
 *
 * @param title         the listing's job title
 * @param externalJobId the employer's job or requisition id, if known
 * @param source        where the user found the job, lower snake case ({@code linkedin}, {@code company_site}, ...)
 */
public record NewApplication(String company, String title, String externalJobId, String source) {

    public NewApplication {
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(source, "source");
    }
}
