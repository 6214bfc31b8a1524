package org.jobsearch.discovery.appliedjob;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

import java.time.Instant;
import java.util.UUID;

/** Only owner-scoped reads; one idempotent, order-tolerant write. */
interface AppliedJobRepository extends Repository<AppliedJob, UUID> {

    Page<AppliedJob> findByOwnerId(UUID ownerId, Pageable pageable);

    /** Whether the owner applied to the posting: by the listing it came from, or by company name and external id. */
    @Query(nativeQuery = true, value = """
            select exists (select 1 from applied_job
                           where owner_id = :ownerId
                             and (source_listing_id = any(cast(:listingIds as uuid[]))
                                  or (lower(btrim(company)) = lower(btrim(:company)) and external_job_id = :externalId)))""")
    boolean existsApplication(@Param("ownerId") UUID ownerId, @Param("company") String company,
                              @Param("externalId") String externalId, @Param("listingIds") UUID[] listingIds);

    /**
     * Inserts the application or brings it up to date. An event for an application already known under another
     * owner changes nothing; an event older than the row's status leaves the status as it is.
     */
    @Modifying
    @Query(nativeQuery = true, value = """
            insert into applied_job (application_id, owner_id, job_id, company, title, external_job_id,
                                     source_listing_id, status, applied_at, changed_at)
            values (:applicationId, :ownerId, :jobId, :company, :title, cast(:externalJobId as text),
                    cast(:sourceListingId as uuid), :status, :changedAt, :changedAt)
            on conflict (application_id) do update set
                applied_at        = least(applied_job.applied_at, excluded.applied_at),
                changed_at        = greatest(applied_job.changed_at, excluded.changed_at),
                status            = case when excluded.changed_at >= applied_job.changed_at
                                         then excluded.status else applied_job.status end,
                job_id            = case when excluded.changed_at >= applied_job.changed_at
                                         then excluded.job_id else applied_job.job_id end,
                company           = case when excluded.changed_at >= applied_job.changed_at
                                         then excluded.company else applied_job.company end,
                title             = case when excluded.changed_at >= applied_job.changed_at
                                         then excluded.title else applied_job.title end,
                external_job_id   = case when excluded.changed_at >= applied_job.changed_at
                                         then excluded.external_job_id else applied_job.external_job_id end,
                source_listing_id = case when excluded.changed_at >= applied_job.changed_at
                                         then excluded.source_listing_id else applied_job.source_listing_id end
            where applied_job.owner_id = excluded.owner_id""")
    int upsert(@Param("applicationId") UUID applicationId, @Param("ownerId") UUID ownerId, @Param("jobId") UUID jobId,
               @Param("company") String company, @Param("title") String title,
               @Param("externalJobId") String externalJobId, @Param("sourceListingId") UUID sourceListingId,
               @Param("status") String status, @Param("changedAt") Instant changedAt);
}
