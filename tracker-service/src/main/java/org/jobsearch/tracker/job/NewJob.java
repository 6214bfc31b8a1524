package org.jobsearch.tracker.job;

import java.util.Objects;

/**
 * A job the user adds by hand with just what an application states.
 *
 * @param title         the listing's job title
 * @param externalJobId the employer's job or requisition id, if known
 * @param source        where the user found it, lower snake case ({@code linkedin}, {@code company_site}, ...)
 */
public record NewJob(String company, String title, String externalJobId, String source) {

    public NewJob {
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(source, "source");
    }
}
