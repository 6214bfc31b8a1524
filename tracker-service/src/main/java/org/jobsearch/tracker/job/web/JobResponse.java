package org.jobsearch.tracker.job.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jobsearch.events.WorkSetting;
import org.jobsearch.tracker.job.JobData;
import org.jobsearch.tracker.job.JobView;
import org.jobsearch.tracker.job.ResumeLink;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A job with its requirements (most relevant first), contract terms and resumes.
 *
 * @param sourceListingId the discovery listing the job came from, when resume said so in its {@code JdParsed}
 * @param resume          the latest rendered resume; absent if none
 * @param resumeVersions  every rendered version, newest first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record JobResponse(UUID id, String source, String company, String listingJobTitle, String role, String specialization,
                   String level, String location, WorkSetting workSetting, Integer minExperienceYears,
                   Integer minSalary, Integer maxSalary, String externalJobId, UUID sourceListingId, String rawJd,
                   List<JobData.RequirementData> requirements, JobData.ContractData contract, ResumeLink resume,
                   List<ResumeLink> resumeVersions, Instant createdAt, Instant updatedAt) {

    static JobResponse of(JobView job) {
        return new JobResponse(job.id(), job.source(), job.company(), job.listingJobTitle(), job.role(),
                job.specialization(), job.level(), job.location(), job.workSetting(), job.minExperienceYears(),
                job.minSalary(), job.maxSalary(), job.externalJobId(), job.sourceListingId(), job.rawJd(),
                job.requirements(), job.contract(), job.resume(), job.resumeVersions(), job.createdAt(),
                job.updatedAt());
    }
}
