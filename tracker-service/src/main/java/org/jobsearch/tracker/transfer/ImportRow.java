package org.jobsearch.tracker.transfer;

import org.jobsearch.events.ApplicationStatus;
import org.jobsearch.events.WorkSetting;

import java.time.Instant;

/**
 * One accepted spreadsheet row: a job and the application to it.
 *
 * @param line     the row's line in the file (the header is line 1)
 * @param statusAt when the status was reached; null for {@code no_response}
 */
public record ImportRow(long line, String company, String title, String externalId, String source, String role,
                        String specialization, String level, String location, WorkSetting workSetting,
                        Integer minYears, Integer minSalary, Integer maxSalary, Integer desiredSalary,
                        Instant appliedAt, ApplicationStatus status, Instant statusAt) {
}
