package org.jobsearch.discovery.appliedjob;

import org.jobsearch.events.ApplicationStatusChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.Locale;
import java.util.UUID;

/** The jobs each user applied to, kept from tracker's events. */
@Service
@Transactional(readOnly = true)
public class AppliedJobService {

    private static final Logger log = LoggerFactory.getLogger(AppliedJobService.class);
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("appliedAt"), Sort.Order.desc("applicationId"));

    private final AppliedJobRepository appliedJobs;

    AppliedJobService(AppliedJobRepository appliedJobs) {
        this.appliedJobs = appliedJobs;
    }

    /** Records the application's new status for the owner the event names, and for no one else. */
    @Transactional
    public void statusChanged(ApplicationStatusChanged event) {
        ApplicationStatusChanged.JobSnapshot job = event.job();
        int rows = appliedJobs.upsert(event.applicationId(), event.ownerId(), event.jobId(), job.company(),
                job.listingJobTitle(), job.externalJobId(), job.sourceListingId(),
                event.status().name().toLowerCase(Locale.ROOT), event.changedAt());
        if (rows == 0) {
            log.warn("ignored ApplicationStatusChanged {}: application {} belongs to another owner",
                    event.eventId(), event.applicationId());
        }
    }

    /**
     * Whether the owner has an application for this posting: one that came from one of the listings, or one for the
     * same company (name, ignoring case) and external job id.
     */
    public boolean hasApplied(UUID ownerId, String company, String externalJobId, Collection<UUID> listingIds) {
        return appliedJobs.existsApplication(ownerId, company, externalJobId, listingIds.toArray(UUID[]::new));
    }

    /** The owner's applied jobs, newest application first. */
    public Page<AppliedJobView> list(UUID ownerId, int page, int size) {
        return appliedJobs.findByOwnerId(ownerId, PageRequest.of(page, size, NEWEST_FIRST)).map(AppliedJob::view);
    }
}
