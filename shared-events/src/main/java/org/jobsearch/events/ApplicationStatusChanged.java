package org.jobsearch.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.UUID;

/**
 * An application was created ({@code no_response}, no previous status) or its screening status changed; published
 * by tracker, keyed by application id so that a callback is always seen before the interviews scheduled after it.
 *
 * <p>Discovery marks the user's matching listing {@code applied}; interview-prep, on a callback, builds the base
 * preparation. The job snapshot spares consumers any other lookup.
 *
 * @param previousStatus {@code null} when the application was just created
 * @param changedAt      when the status changed as the user recorded it (may precede {@code occurredAt})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApplicationStatusChanged(
        @NotNull UUID eventId,
        @NotNull Instant occurredAt,
        @NotNull UUID applicationId,
        @NotNull UUID jobId,
        @NotNull UUID ownerId,
        ApplicationStatus previousStatus,
        @NotNull ApplicationStatus status,
        @NotNull Instant changedAt,
        @NotNull @Valid JobSnapshot job) implements OwnedEvent {

    @Override
    public String aggregateId() {
        return Limits.idString(applicationId);
    }

    /**
     * The applied-to job as tracker knows it when the status changes.
     *
     * @param externalJobId   the employer's job or requisition id, which discovery matches listings by
     * @param sourceListingId the discovery listing the job came from, if any
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record JobSnapshot(
            @NotBlank @Size(max = Limits.NAME) String company,
            @NotBlank @Size(max = Limits.NAME) String listingJobTitle,
            @Size(max = Limits.NAME) String externalJobId,
            UUID sourceListingId) {
    }
}
