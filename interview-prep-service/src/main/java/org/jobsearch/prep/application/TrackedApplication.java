package org.jobsearch.prep.application;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.UUID;

/** An application as tracker last reported it. Written only by {@link TrackedApplicationRepository#upsert}. */
@Entity
@Immutable
@Table(name = "tracked_application")
class TrackedApplication {

    @Id
    private UUID applicationId;
    private UUID ownerId;
    private UUID jobId;
    private String company;
    private String title;
    private String status;
    private Instant changedAt;

    protected TrackedApplication() {
    }

    TrackedApplicationView view() {
        return new TrackedApplicationView(applicationId, jobId, company, title, status, changedAt);
    }
}
