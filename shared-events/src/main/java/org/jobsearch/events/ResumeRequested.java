package org.jobsearch.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.UUID;

/**
 * A command to tailor and render a resume for a job, from pasted JD text or from a discovered listing (exactly one
 * of them). Produced straight to {@link Topics#RESUME_COMMANDS} by whoever may reach the broker (no outbox); resume
 * parses, writes and renders, acting only for the {@code ownerId} it names.
 *
 * @param requestId  the command's id and record key; resume treats a repeated id as the same request
 * @param jdText     the job description to tailor for; absent when {@code listingId} is given
 * @param listingId  the discovery listing whose description to tailor for; absent when {@code jdText} is given
 * @param source     where the user found the job, as the tracker records it: {@code linkedin},
 *                   {@code company_site}, {@code indeed}, {@code internal_recruiter}, {@code external_recruiter}
 * @param templateId a resume template to use instead of the one chosen by role, level and specialization
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResumeRequested(
        @NotNull UUID eventId,
        @NotNull Instant occurredAt,
        @NotNull UUID requestId,
        @NotNull UUID ownerId,
        @Size(max = Limits.DOCUMENT) String jdText,
        UUID listingId,
        @NotBlank @Pattern(regexp = Limits.SNAKE_CASE) String source,
        UUID templateId) implements OwnedEvent {

    /**
     * @throws IllegalArgumentException unless exactly one of {@code jdText} and {@code listingId} is given, or if
     *                                  {@code jdText} is blank
     */
    public ResumeRequested {
        if (jdText != null && jdText.isBlank()) {
            throw new IllegalArgumentException("jdText must not be blank: give the JD text or a listingId");
        }
        if ((jdText == null) == (listingId == null)) {
            throw new IllegalArgumentException(
                    "exactly one of jdText and listingId must be given, got " + (jdText == null ? "neither" : "both"));
        }
    }

    @Override
    public String aggregateId() {
        return Limits.idString(requestId);
    }
}
