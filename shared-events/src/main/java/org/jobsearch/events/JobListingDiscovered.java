package org.jobsearch.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A posting seen on a company's career site, published by discovery when a listing is first fetched and again
 * whenever its content changes; the latest event for a {@code listingId} replaces earlier ones.
 *
 * <p>Resume keeps the posting (JD text, company, title, URL) so that "tailor a resume for this listing" or "track
 * this listing" needs no call to discovery. A catalog fact shared by all users of a deployment: it has no owner.
 *
 * @param descriptionHtml the posting's description, already sanitized by discovery; still treat it as HTML
 * @param remote          whether the posting says the job is remote; {@code null} when it does not say
 * @param workSetting     when the ATS states it (Lever, Ashby, SmartRecruiters)
 * @param postedAt        the posting date, where the ATS gives one
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobListingDiscovered(
        @NotNull UUID eventId,
        @NotNull Instant occurredAt,
        @NotNull UUID listingId,
        @NotNull UUID companyId,
        @NotBlank @Size(max = Limits.NAME) String company,
        @NotNull AtsPlatform platform,
        @NotBlank @Size(max = Limits.NAME) String externalId,
        @NotBlank @Size(max = Limits.NAME) String title,
        @Size(max = Limits.NAME) String location,
        Boolean remote,
        WorkSetting workSetting,
        LocalDate postedAt,
        @NotBlank @Size(max = Limits.URL) String url,
        @Size(max = Limits.DOCUMENT) String descriptionHtml,
        @Size(max = Limits.NAME) String department,
        @Valid Compensation compensation) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return Limits.idString(listingId);
    }

    /**
     * Pay as the posting states it, in whole units of {@code currency} (Greenhouse's cents are divided by 100).
     *
     * @param interval the period the amounts are paid for: {@code year}, {@code month}, {@code week},
     *                 {@code day} or {@code hour}
     * @param summary  the posting's own wording, e.g. "$120,000 - $150,000 a year + equity"
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Compensation(
            @PositiveOrZero Integer min,
            @PositiveOrZero Integer max,
            @Pattern(regexp = "^[A-Z]{3}$") String currency,
            @Pattern(regexp = Limits.SNAKE_CASE) String interval,
            @Size(max = Limits.TEXT) String summary) {
    }
}
