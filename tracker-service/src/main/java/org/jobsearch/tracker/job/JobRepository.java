package org.jobsearch.tracker.job;

import org.springframework.data.repository.Repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Only owner-scoped reads: a job is never looked up for anyone but its owner. */
interface JobRepository extends Repository<Job, UUID> {

    Job save(Job job);

    List<Job> findByOwnerIdAndIdIn(UUID ownerId, Collection<UUID> ids);
}
