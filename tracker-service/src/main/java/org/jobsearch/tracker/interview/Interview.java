package org.jobsearch.tracker.interview;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** An interview of an application. Cancelled interviews are kept, marked by {@code cancelledAt}. */
@Entity
@Table(name = "interview")
class Interview {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;
    private UUID ownerId;
    private UUID applicationId;
    private UUID jobId;
    @Convert(converter = Choices.StageConverter.class)
    private InterviewStage stage;
    @Convert(converter = Choices.FormatConverter.class)
    private InterviewFormat format;
    @Convert(converter = Choices.FocusConverter.class)
    private InterviewFocus focus;
    private String interviewerName;
    private String interviewerTitle;
    private Instant scheduledAt;
    private String notes;
    private Instant cancelledAt;
    private Instant createdAt;
    private Instant updatedAt;

    protected Interview() {
    }

    private Interview(UUID ownerId, UUID applicationId, UUID jobId, InterviewDetails details, Instant now) {
        this.ownerId = ownerId;
        this.applicationId = applicationId;
        this.jobId = jobId;
        this.createdAt = now;
        take(details, now);
    }

    static Interview schedule(UUID ownerId, UUID applicationId, UUID jobId, InterviewDetails details, Instant now) {
        return new Interview(ownerId, applicationId, jobId, details, now);
    }

    /**
     * Takes the new details.
     *
     * @return whether anything an {@code InterviewScheduled} carries changed (a notes-only edit is not announced)
     */
    boolean reschedule(InterviewDetails details, Instant now) {
        boolean announced = stage != details.stage() || format != details.format() || focus != details.focus()
                || !Objects.equals(interviewerName, details.interviewerName())
                || !Objects.equals(interviewerTitle, details.interviewerTitle())
                || !scheduledAt.equals(details.scheduledAt());
        take(details, now);
        return announced;
    }

    /** @return false if it was cancelled already */
    boolean cancel(Instant now) {
        if (cancelledAt != null) {
            return false;
        }
        cancelledAt = now;
        updatedAt = now;
        return true;
    }

    private void take(InterviewDetails details, Instant now) {
        this.stage = details.stage();
        this.format = details.format();
        this.focus = details.focus();
        this.interviewerName = details.interviewerName();
        this.interviewerTitle = details.interviewerTitle();
        this.scheduledAt = details.scheduledAt();
        this.notes = details.notes();
        this.updatedAt = now;
    }

    UUID id() {
        return id;
    }

    UUID ownerId() {
        return ownerId;
    }

    UUID applicationId() {
        return applicationId;
    }

    UUID jobId() {
        return jobId;
    }

    InterviewStage stage() {
        return stage;
    }

    InterviewFormat format() {
        return format;
    }

    InterviewFocus focus() {
        return focus;
    }

    String interviewerName() {
        return interviewerName;
    }

    String interviewerTitle() {
        return interviewerTitle;
    }

    Instant scheduledAt() {
        return scheduledAt;
    }

    boolean cancelled() {
        return cancelledAt != null;
    }

    InterviewView view(String company, String title) {
        return new InterviewView(id, applicationId, jobId, company, title, stage, format, focus, interviewerName,
                interviewerTitle, scheduledAt, notes, cancelledAt);
    }
}
