package org.jobsearch.resume.jd;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A parsed job description, validated before anything is stored: the model's answer (and the offline parser's
 * result) has exactly this shape. Money is whole US dollars, per year for salaries and per hour for contract rates.
 *
 * @param contractTerms only when the posting is a contract role
 */
public record ParsedJd(@NotNull @Valid Metadata metadata,
                       @NotEmpty @Size(max = 60) List<@NotNull @Valid Requirement> requirements,
                       @Valid ContractTerms contractTerms) {

    public static final String ROLES = "analytics_engineer|business_analyst|business_intelligence_engineer|data_analyst"
            + "|data_engineer|data_scientist|software_engineer|solutions_engineer";
    public static final String LEVELS = "associate|i|ii|iii|senior";
    public static final String WORK_SETTINGS = "on_site|hybrid|remote";

    public ParsedJd {
        requirements = requirements == null ? List.of() : List.copyOf(requirements);
    }

    /**
     * @param role           one of {@link #ROLES}
     * @param specialization only when the JD labels the role Python, Backend or Full Stack
     * @param level          one of {@link #LEVELS}, calibrated against Amazon's ladder
     * @param location       "City, ST", or "Remote (U.S.)"
     * @param workSetting    one of {@link #WORK_SETTINGS}
     */
    public record Metadata(@NotBlank @Size(max = 255) String company,
                           @NotBlank @Size(max = 255) String listingJobTitle,
                           @NotBlank @Pattern(regexp = ROLES) String role,
                           @Size(max = 128) String specialization,
                           @Pattern(regexp = LEVELS) String level,
                           @Size(max = 255) String location,
                           @NotBlank @Pattern(regexp = WORK_SETTINGS) String workSetting,
                           @PositiveOrZero Integer minExperienceYears,
                           @PositiveOrZero Integer minSalary,
                           @PositiveOrZero Integer maxSalary,
                           @Size(max = 64) String externalJobId) {
    }

    /**
     * @param text      a short phrase
     * @param keywords  the terms a resume should carry for it
     * @param relevance 0 (nice to have) to 1 (essential)
     */
    public record Requirement(@NotBlank @Size(max = 500) String text,
                              @NotNull List<@NotBlank String> keywords,
                              @NotNull @DecimalMin("0.0") @DecimalMax("1.0") Double relevance) {
    }

    public record ContractTerms(@Size(max = 255) String consultingCompany,
                                @Positive Integer lengthMonths,
                                @PositiveOrZero Integer hourlyRateMin,
                                @PositiveOrZero Integer hourlyRateMax,
                                Boolean benefits,
                                Boolean pto) {
    }
}
