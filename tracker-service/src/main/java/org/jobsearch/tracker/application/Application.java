package org.jobsearch.tracker.application;

import jakarta.persistence.CascadeType;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** An application the user made to a job, with the history of its screening status. */
@Entity
@Table(name = "application")
class Application {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;
    private UUID ownerId;
    private UUID jobId;
    private Instant appliedAt;
    @Convert(converter = ApplicationStatusConverter.class)
    private ApplicationStatus status;
    private Instant createdAt;

    @OneToMany(cascade = CascadeType.PERSIST)
    @JoinColumn(name = "application_id", nullable = false, updatable = false)
    @OrderBy("changedAt")
    private List<StatusChange> history = new ArrayList<>();

    protected Application() {
    }

    private Application(UUID ownerId, UUID jobId, Instant appliedAt) {
        this.ownerId = ownerId;
        this.jobId = jobId;
        this.appliedAt = appliedAt;
        this.status = ApplicationStatus.NO_RESPONSE;
        this.createdAt = appliedAt;
        this.history.add(new StatusChange(status, appliedAt));
    }

    /** A new application: no response yet, which is also the first entry of its history. */
    static Application submit(UUID ownerId, UUID jobId, Instant appliedAt) {
        return new Application(ownerId, jobId, appliedAt);
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

    ApplicationStatus status() {
        return status;
    }
}
