package org.jobsearch.tracker.application;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

import java.util.Optional;
import java.util.UUID;

/** Only owner-scoped reads: an application is never looked up for anyone but its owner. */
interface ApplicationRepository extends Repository<Application, UUID> {

    Application save(Application application);

    Page<Application> findByOwnerId(UUID ownerId, Pageable pageable);

    Optional<Application> findByIdAndOwnerId(UUID id, UUID ownerId);
}
