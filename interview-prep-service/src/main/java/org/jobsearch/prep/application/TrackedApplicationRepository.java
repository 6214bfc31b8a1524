package org.jobsearch.prep.application;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Only owner-scoped reads; one idempotent, order-tolerant write. */
interface TrackedApplicationRepository extends Repository<TrackedApplication, UUID> {

    Optional<TrackedApplication> findByApplicationIdAndOwnerId(UUID applicationId, UUID ownerId);

    /**
     * Inserts the application or brings it up to date. An event for an application already known under another
     * owner changes nothing, and neither does an event older than the row's status.
     */
    @Modifying
    @Query(nativeQuery = true, value = """
            insert into tracked_application (application_id, owner_id, job_id, company, title, status, changed_at)
            values (:applicationId, :ownerId, :jobId, :company, :title, :status, :changedAt)
            on conflict (application_id) do update set
                job_id     = excluded.job_id,
                company    = excluded.company,
                title      = excluded.title,
                status     = excluded.status,
                changed_at = excluded.changed_at
            where tracked_application.owner_id = excluded.owner_id
              and excluded.changed_at >= tracked_application.changed_at""")
    int upsert(@Param("applicationId") UUID applicationId, @Param("ownerId") UUID ownerId, @Param("jobId") UUID jobId,
               @Param("company") String company, @Param("title") String title, @Param("status") String status,
               @Param("changedAt") Instant changedAt);
}
