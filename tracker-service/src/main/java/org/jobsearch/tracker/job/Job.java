package org.jobsearch.tracker.job;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A job the user tracks: the company, the listing's title and where the user found it. */
@Entity
@Table(name = "job")
class Job {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;
    private UUID ownerId;
    private String company;
    private String listingJobTitle;
    private String externalJobId;
    private String source;
    private Instant createdAt;

    protected Job() {
    }

    Job(UUID ownerId, NewJob job, Instant createdAt) {
        this.ownerId = ownerId;
        this.company = job.company();
        this.listingJobTitle = job.title();
        this.externalJobId = job.externalJobId();
        this.source = job.source();
        this.createdAt = createdAt;
    }

    JobDetails details() {
        return new JobDetails(id, company, listingJobTitle, externalJobId, source);
    }
}
