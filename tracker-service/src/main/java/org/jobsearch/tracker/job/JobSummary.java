package org.jobsearch.tracker.job;

import org.jobsearch.events.WorkSetting;

import java.time.Instant;
import java.util.UUID;

/** A job as the job list shows it: no description, requirements or resumes. */
public record JobSummary(UUID id, String source, String company, String listingJobTitle, String role,
                         String specialization, String level, String location, WorkSetting workSetting,
                         Integer minSalary, Integer maxSalary, String externalJobId, Instant createdAt) {
}
