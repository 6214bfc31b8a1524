package org.jobsearch.discovery.appliedjob;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.UUID;

/** A job the user applied to, as tracker last reported it. Written only by {@link AppliedJobRepository#upsert}. */
@Entity
@Immutable
@Table(name = "applied_job")
class AppliedJob {

    @Id
    private UUID applicationId;
    private UUID ownerId;
    private UUID jobId;
    private String company;
    private String title;
    private String externalJobId;
    private UUID sourceListingId;
    private String status;
    private Instant appliedAt;
    private Instant changedAt;

    protected AppliedJob() {
    }

    AppliedJobView view() {
        return new AppliedJobView(applicationId, jobId, company, title, externalJobId, sourceListingId, status, appliedAt,
                changedAt);
    }
}
