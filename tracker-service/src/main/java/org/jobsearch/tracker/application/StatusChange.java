package org.jobsearch.tracker.application;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jobsearch.events.ApplicationStatus;

import java.time.Instant;
import java.util.UUID;

/** One entry of an application's status history; part of the {@link Application} aggregate. */
@Entity
@Table(name = "application_status_history")
class StatusChange {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;
    private UUID ownerId;
    @Convert(converter = ApplicationStatusConverter.class)
    private ApplicationStatus status;
    private Instant changedAt;

    protected StatusChange() {
    }

    StatusChange(UUID ownerId, ApplicationStatus status, Instant changedAt) {
        this.ownerId = ownerId;
        this.status = status;
        this.changedAt = changedAt;
    }

    Instant changedAt() {
        return changedAt;
    }

    StatusEntry entry() {
        return new StatusEntry(status, changedAt);
    }
}
