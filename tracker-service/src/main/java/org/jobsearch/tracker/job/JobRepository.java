package org.jobsearch.tracker.job;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Owner-scoped reads, plus the one ownership check an incoming event needs. */
interface JobRepository extends Repository<Job, UUID> {

    Job save(Job job);

    Optional<Job> findByIdAndOwnerId(UUID id, UUID ownerId);

    List<Job> findByOwnerIdAndIdIn(UUID ownerId, Collection<UUID> ids);

    Page<Job> findByOwnerId(UUID ownerId, Pageable pageable);

    @Query("select j.id from Job j where j.ownerId = :ownerId and j.company = :company")
    List<UUID> findIdsAtCompany(@Param("ownerId") UUID ownerId, @Param("company") String company);

    /**
     * Who owns the job with this id, whoever asks: an event names its owner, and must not act on a job id that is
     * already someone else's. Never used to read a job.
     */
    @Query("select j.ownerId from Job j where j.id = :id")
    Optional<UUID> findOwnerIdById(@Param("id") UUID id);
}
