package org.jobsearch.tracker.application;

import jakarta.persistence.LockModeType;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Only owner-scoped reads: an application is never looked up for anyone but its owner. */
interface ApplicationRepository extends Repository<Application, UUID> {

    Application save(Application application);

    /** Inserts at once, so a unique-index clash surfaces in the caller (as a DataIntegrityViolationException). */
    Application saveAndFlush(Application application);

    Page<Application> findByOwnerId(UUID ownerId, Pageable pageable);

    Optional<Application> findByIdAndOwnerId(UUID id, UUID ownerId);

    /** For a change: concurrent changes of one application wait for each other, so each sees the status before it. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Application a where a.id = :id and a.ownerId = :ownerId")
    Optional<Application> findForUpdate(@Param("id") UUID id, @Param("ownerId") UUID ownerId);

    List<Application> findByOwnerIdAndIdIn(UUID ownerId, Collection<UUID> ids);

    List<Application> findByOwnerIdAndJobIdIn(UUID ownerId, Collection<UUID> jobIds);

    Optional<Application> findByOwnerIdAndJobId(UUID ownerId, UUID jobId);
}
