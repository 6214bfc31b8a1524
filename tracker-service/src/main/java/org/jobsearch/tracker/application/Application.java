package org.jobsearch.tracker.application;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.jobsearch.events.ApplicationStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An application the user made to a job: its screening status with every change kept, and, after a callback, how
 * the interview process ended.
 */
@Entity
@Table(name = "application")
class Application {

    /** The reference's rule for a desired salary typed in thousands: "150" means 150000. */
    static final int THOUSANDS_BELOW = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;
    private UUID ownerId;
    private UUID jobId;
    private Instant appliedAt;
    private Integer desiredSalary;
    @Convert(converter = ApplicationStatusConverter.class)
    private ApplicationStatus status;
    @Convert(converter = OutcomeConverter.class)
    private Outcome outcome;
    private LocalDate outcomeDate;
    @Column(name = "outcome_notes")
    private String outcomeNotes;
    private Instant createdAt;

    @OneToMany(cascade = CascadeType.PERSIST)
    @JoinColumn(name = "application_id", nullable = false, updatable = false)
    @OrderBy("changedAt")
    private List<StatusChange> history = new ArrayList<>();

    protected Application() {
    }

    private Application(UUID ownerId, UUID jobId, Instant appliedAt, Integer desiredSalary, Instant now) {
        this.ownerId = ownerId;
        this.jobId = jobId;
        this.appliedAt = appliedAt;
        this.desiredSalary = normalizeSalary(desiredSalary);
        this.status = ApplicationStatus.NO_RESPONSE;
        this.createdAt = now;
        this.history.add(new StatusChange(ownerId, status, appliedAt));
    }

    /** A new application: no response yet, which is also the first entry of its history, dated when applied. */
    static Application submit(UUID ownerId, UUID jobId, Instant appliedAt, Integer desiredSalary, Instant now) {
        return new Application(ownerId, jobId, appliedAt, desiredSalary, now);
    }

    static Integer normalizeSalary(Integer salary) {
        if (salary == null || salary <= 0 || salary >= THOUSANDS_BELOW) {
            return salary;
        }
        return salary * 1000;
    }

    /**
     * Moves to {@code requested} as of {@code changedAt}, keeping the change in the history.
     *
     * @return the status before
     * @throws ApplicationStateException    if the transition rules refuse it
     * @throws ApplicationInputException    if {@code changedAt} precedes the current status
     */
    ApplicationStatus changeStatus(ApplicationStatus requested, Instant changedAt) {
        ApplicationStatus previous = status;
        StatusTransitions.refusal(previous, requested).ifPresent(reason -> {
            throw ApplicationStateException.transition(id, previous, requested, reason);
        });
        Instant since = history.get(history.size() - 1).changedAt();
        if (changedAt.isBefore(since)) {
            throw ApplicationInputException.unprocessable("/changedAt",
                    "must not be before the current status " + StatusTransitions.value(previous) + " (" + since + ")");
        }
        status = requested;
        history.add(new StatusChange(ownerId, requested, changedAt));
        return previous;
    }

    /**
     * Records (or corrects) how the interview process ended; only after a callback.
     *
     * @throws ApplicationStateException if the application has no callback
     */
    void recordOutcome(ProcessOutcome ended) {
        if (status != ApplicationStatus.CALLBACK) {
            throw ApplicationStateException.outcomeBeforeCallback(id, status);
        }
        outcome = ended.outcome();
        outcomeDate = ended.date();
        outcomeNotes = ended.notes();
    }

    /** Replaces the desired salary (a value below 1000 is read as thousands, as when applying). */
    void changeDesiredSalary(Integer salary) {
        desiredSalary = normalizeSalary(salary);
    }

    UUID id() {
        return id;
    }

    UUID ownerId() {
        return ownerId;
    }

    UUID jobId() {
        return jobId;
    }

    Instant appliedAt() {
        return appliedAt;
    }

    Integer desiredSalary() {
        return desiredSalary;
    }

    ApplicationStatus status() {
        return status;
    }

    /** Null until the interview process ended. */
    ProcessOutcome outcome() {
        return outcome == null ? null : new ProcessOutcome(outcome, outcomeDate, outcomeNotes);
    }

    /** Oldest first. */
    List<StatusEntry> history() {
        return history.stream().map(StatusChange::entry).toList();
    }
}
