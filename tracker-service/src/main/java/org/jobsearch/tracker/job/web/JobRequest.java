package org.jobsearch.tracker.job.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.jobsearch.events.WorkSetting;
import org.jobsearch.tracker.job.JobChoices;
import org.jobsearch.tracker.job.JobData;

import java.util.List;

/**
 * {@code POST /api/tracker/jobs} and {@code PUT /api/tracker/jobs/{id}}: a job as the user states it. Limits are the
 * reference's (and {@code JdParsed}'s). Money is whole US dollars: salaries per year, rates per hour.
 *
 * @param source       where the user found the job: linkedin, company_site, indeed, internal_recruiter,
 *                     external_recruiter
 * @param workSetting  on_site, hybrid or remote
 * @param requirements replace the job's requirements (none if absent)
 * @param contract     the terms of a contract role; absent for a permanent role
 */
@ValidRanges
record JobRequest(
        @NotBlank @Pattern(regexp = JobChoices.SOURCE, message = JobChoices.SOURCE_MESSAGE) String source,
        @NotBlank @Size(max = 255) String company,
        @NotBlank @Size(max = 255) String listingJobTitle,
        @Pattern(regexp = JobChoices.ROLE, message = JobChoices.ROLE_MESSAGE) String role,
        @Size(max = 128) String specialization,
        @Pattern(regexp = JobChoices.LEVEL, message = JobChoices.LEVEL_MESSAGE) String level,
        @Size(max = 255) String location,
        WorkSetting workSetting,
        @PositiveOrZero @Max(80) Integer minExperienceYears,
        @PositiveOrZero Integer minSalary,
        @PositiveOrZero Integer maxSalary,
        @Size(max = 64) String externalJobId,
        @Size(max = 200_000) String rawJd,
        @Size(max = 100) List<@NotNull @Valid RequirementRequest> requirements,
        @Valid ContractRequest contract) {

    JobData toData() {
        return new JobData(source, company.strip(), listingJobTitle.strip(), role, blankToNull(specialization), level,
                blankToNull(location), workSetting, minExperienceYears, minSalary, maxSalary,
                blankToNull(externalJobId), rawJd,
                requirements == null ? List.of() : requirements.stream().map(RequirementRequest::toData).toList(),
                contract == null ? null : contract.toData());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** @param relevance 0 (nice to have) to 1 (essential) */
    record RequirementRequest(
            @NotBlank @Size(max = 10_000) String text,
            @Size(max = 50) List<@NotBlank @Size(max = 100) String> keywords,
            @NotNull @DecimalMin("0.0") @DecimalMax("1.0") Double relevance) {

        JobData.RequirementData toData() {
            return new JobData.RequirementData(text.strip(), keywords, relevance);
        }
    }

    /** The reference's ContractJob. */
    record ContractRequest(
            @Size(max = 255) String consultingCompany,
            @Positive Integer lengthMonths,
            @PositiveOrZero Integer hourlyRateMin,
            @PositiveOrZero Integer hourlyRateMax,
            @PositiveOrZero Integer hourlyRateSubmitted,
            Boolean providesBenefits,
            Boolean providesPto) {

        JobData.ContractData toData() {
            return new JobData.ContractData(blankToNull(consultingCompany), lengthMonths, hourlyRateMin, hourlyRateMax,
                    hourlyRateSubmitted, Boolean.TRUE.equals(providesBenefits), Boolean.TRUE.equals(providesPto));
        }
    }
}
