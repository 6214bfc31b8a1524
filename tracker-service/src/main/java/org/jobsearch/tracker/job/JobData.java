package org.jobsearch.tracker.job;

import org.jobsearch.events.WorkSetting;

import java.util.List;
import java.util.Objects;

/**
 * Everything a user states about a job when adding or editing it by hand. Money is whole US dollars (salaries per
 * year, rates per hour).
 *
 * @param requirements replace the job's requirements
 * @param contract     the terms of a contract role; {@code null} for a permanent role
 */
public record JobData(String source, String company, String listingJobTitle, String role, String specialization,
                      String level, String location, WorkSetting workSetting, Integer minExperienceYears,
                      Integer minSalary, Integer maxSalary, String externalJobId, String rawJd,
                      List<RequirementData> requirements, ContractData contract) {

    public JobData {
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(listingJobTitle, "listingJobTitle");
        requirements = requirements == null ? List.of() : List.copyOf(requirements);
    }

    /** @param relevance 0 (nice to have) to 1 (essential) */
    public record RequirementData(String text, List<String> keywords, double relevance) {

        public RequirementData {
            Objects.requireNonNull(text, "text");
            keywords = keywords == null ? List.of() : List.copyOf(keywords);
        }
    }

    /** The reference's ContractJob. */
    public record ContractData(String consultingCompany, Integer lengthMonths, Integer hourlyRateMin,
                               Integer hourlyRateMax, Integer hourlyRateSubmitted, boolean providesBenefits,
                               boolean providesPto) {
    }
}
