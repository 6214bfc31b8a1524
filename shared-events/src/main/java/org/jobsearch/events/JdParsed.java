package org.jobsearch.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A job description parsed by resume into metadata and requirements. A later event for the same {@code jobId}
 * replaces the earlier one (a job id is minted by whoever creates the job first).
 *
 * <p>Tracker creates or updates its Job, Requirements and contract terms; interview-prep keeps it as the job
 * context of its preparation; resume's own bullet writer starts generating from it.
 *
 * @param sourceListingId the discovery listing the JD came from, if any
 * @param source          where the user found the job, as the tracker records it: {@code linkedin},
 *                        {@code company_site}, {@code indeed}, {@code internal_recruiter}, {@code external_recruiter}
 * @param rawJd           the JD text as submitted
 * @param cleanedJd       the JD after preprocessing (boilerplate and markup removed), what the parser read
 * @param requirements    in the order the parser returned them
 * @param contractTerms   present only when the posting is a contract role
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JdParsed(
        @NotNull UUID eventId,
        @NotNull Instant occurredAt,
        @NotNull UUID jobId,
        @NotNull UUID ownerId,
        UUID sourceListingId,
        @Pattern(regexp = Limits.SNAKE_CASE) String source,
        @NotBlank @Size(max = Limits.DOCUMENT) String rawJd,
        @NotBlank @Size(max = Limits.DOCUMENT) String cleanedJd,
        @NotNull @Valid JobMetadata metadata,
        List<@Valid Requirement> requirements,
        @Valid ContractTerms contractTerms) implements OwnedEvent {

    public JdParsed {
        requirements = requirements == null ? List.of() : List.copyOf(requirements);
    }

    @Override
    public String aggregateId() {
        return Limits.idString(jobId);
    }

    /**
     * What the parser read about the job. Money is whole US dollars per year.
     *
     * @param role           one of {@code analytics_engineer}, {@code business_analyst},
     *                       {@code business_intelligence_engineer}, {@code data_analyst}, {@code data_engineer},
     *                       {@code data_scientist}, {@code software_engineer}, {@code solutions_engineer}
     * @param specialization only when the JD labels the role so, e.g. "Backend"
     * @param level          one of {@code associate}, {@code i}, {@code ii}, {@code iii}, {@code senior}
     *                       (the reference's I/II/III in lower case)
     * @param location       "City, ST", or "Remote (U.S.)"
     * @param externalJobId  the employer's job or requisition id
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record JobMetadata(
            @NotBlank @Size(max = Limits.NAME) String company,
            @NotBlank @Size(max = Limits.NAME) String listingJobTitle,
            @NotBlank @Pattern(regexp = Limits.SNAKE_CASE) String role,
            @Size(max = 128) String specialization,
            @Pattern(regexp = Limits.SNAKE_CASE) String level,
            @Size(max = Limits.NAME) String location,
            @NotNull WorkSetting workSetting,
            @PositiveOrZero Integer minExperienceYears,
            @PositiveOrZero Integer minSalary,
            @PositiveOrZero Integer maxSalary,
            @Size(max = 64) String externalJobId) {
    }

    /**
     * One requirement of the job.
     *
     * @param keywords  the terms a resume should carry for it
     * @param relevance how much the requirement matters, 0 (nice to have) to 1 (essential)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Requirement(
            @NotBlank @Size(max = Limits.TEXT) String text,
            List<@NotBlank String> keywords,
            @NotNull @DecimalMin("0.0") @DecimalMax("1.0") Double relevance) {

        public Requirement {
            keywords = keywords == null ? List.of() : List.copyOf(keywords);
        }
    }

    /**
     * Terms of a contract role, each as far as the posting states it. Rates are whole US dollars per hour.
     *
     * @param consultingCompany the agency that places the contractor, if not the employer itself
     * @param benefits          whether the contract provides benefits
     * @param pto               whether the contract provides paid time off
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ContractTerms(
            @Size(max = Limits.NAME) String consultingCompany,
            @Positive Integer lengthMonths,
            @PositiveOrZero Integer hourlyRateMin,
            @PositiveOrZero Integer hourlyRateMax,
            Boolean benefits,
            Boolean pto) {
    }
}
