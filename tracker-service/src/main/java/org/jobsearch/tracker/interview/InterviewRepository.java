package org.jobsearch.tracker.interview;

import jakarta.persistence.LockModeType;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Only owner-scoped reads. */
interface InterviewRepository extends Repository<Interview, UUID> {

    Interview save(Interview interview);

    Optional<Interview> findByIdAndApplicationIdAndOwnerId(UUID id, UUID applicationId, UUID ownerId);

    /** For a change: concurrent changes of one interview wait for each other, so their events keep their order. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Interview i where i.id = :id and i.applicationId = :applicationId and i.ownerId = :ownerId")
    Optional<Interview> findForUpdate(@Param("id") UUID id, @Param("applicationId") UUID applicationId,
                                      @Param("ownerId") UUID ownerId);

    Page<Interview> findByOwnerIdAndApplicationId(UUID ownerId, UUID applicationId, Pageable pageable);

    Page<Interview> findByOwnerIdAndCancelledAtIsNullAndScheduledAtAfter(UUID ownerId, Instant after,
                                                                         Pageable pageable);

    Page<Interview> findByOwnerIdAndStageAndCancelledAtIsNullAndScheduledAtAfter(UUID ownerId, InterviewStage stage,
                                                                                 Instant after, Pageable pageable);
}
