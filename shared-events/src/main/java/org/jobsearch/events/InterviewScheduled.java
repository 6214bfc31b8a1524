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
 * An interview was scheduled, rescheduled or cancelled; published by tracker on the application's key, so it is
 * ordered after the application's status events.
 *
 * <p>Interview-prep generates (or, on a cancellation, retires) the stage-specific preparation.
 *
 * @param jobId       the application's job, whose {@link JdParsed} is the preparation's job context
 * @param stage       {@code recruiter_screen}, {@code hiring_manager_screen}, {@code technical_screen},
 *                    {@code prep_call}, {@code final_loop} or {@code team_match}
 * @param format      {@code phone_call}, {@code virtual_meeting} or {@code onsite}; {@code null} if not known yet
 * @param focus       {@code coding}, {@code system_design}, {@code behavioral}, {@code hiring_manager},
 *                    {@code refactoring}, {@code case}, {@code data_pipeline_build} or {@code data_pipeline_design};
 *                    {@code null} if not known yet
 * @param scheduledAt the (new) time of the interview; for a cancellation, the time that was cancelled
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InterviewScheduled(
        @NotNull UUID eventId,
        @NotNull Instant occurredAt,
        @NotNull UUID applicationId,
        @NotNull UUID interviewId,
        @NotNull UUID jobId,
        @NotNull UUID ownerId,
        @NotNull InterviewChange change,
        @NotBlank @Pattern(regexp = Limits.SNAKE_CASE) String stage,
        @Pattern(regexp = Limits.SNAKE_CASE) String format,
        @Pattern(regexp = Limits.SNAKE_CASE) String focus,
        @Size(max = Limits.SHORT_NAME) String interviewerName,
        @Size(max = Limits.SHORT_NAME) String interviewerTitle,
        @NotNull Instant scheduledAt) implements OwnedEvent {

    @Override
    public String aggregateId() {
        return Limits.idString(applicationId);
    }
}
