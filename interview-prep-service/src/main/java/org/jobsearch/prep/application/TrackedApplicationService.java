package org.jobsearch.prep.application;

import org.jobsearch.events.ApplicationStatusChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** The applications interview-prep prepares for, kept from tracker's events. */
@Service
@Transactional(readOnly = true)
public class TrackedApplicationService {

    private static final Logger log = LoggerFactory.getLogger(TrackedApplicationService.class);

    private final TrackedApplicationRepository applications;

    TrackedApplicationService(TrackedApplicationRepository applications) {
        this.applications = applications;
    }

    /**
     * Records the application's status for the owner the event names, and for no one else.
     *
     * @return whether the row now reflects the event (false: older than what is kept, or another owner's)
     */
    @Transactional
    public boolean statusChanged(ApplicationStatusChanged event) {
        int rows = applications.upsert(event.applicationId(), event.ownerId(), event.jobId(), event.job().company(),
                event.job().listingJobTitle(), event.status().name().toLowerCase(Locale.ROOT), event.changedAt());
        if (rows == 0) {
            log.info("ApplicationStatusChanged {} left application {} as it was (older, or another owner's)",
                    event.eventId(), event.applicationId());
        }
        return rows > 0;
    }

    /** The owner's application; empty for an unknown id and for another user's application alike. */
    public Optional<TrackedApplicationView> find(UUID ownerId, UUID applicationId) {
        return applications.findByApplicationIdAndOwnerId(applicationId, ownerId).map(TrackedApplication::view);
    }
}
