package org.jobsearch.tracker.job;

import org.jobsearch.events.WorkSetting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A job with everything the tracker knows of it.
 *
 * @param requirements   most relevant first
 * @param contract       {@code null} for a permanent role
 * @param resume         the latest resume rendered for the job, if any
 * @param resumeVersions every rendered version, newest first
 */
public record JobView(UUID id, String source, String company, String listingJobTitle, String role,
                      String specialization, String level, String location, WorkSetting workSetting,
                      Integer minExperienceYears, Integer minSalary, Integer maxSalary, String externalJobId,
                      UUID sourceListingId, String rawJd, List<JobData.RequirementData> requirements,
                      JobData.ContractData contract, ResumeLink resume, List<ResumeLink> resumeVersions,
                      Instant createdAt, Instant updatedAt) {
}
