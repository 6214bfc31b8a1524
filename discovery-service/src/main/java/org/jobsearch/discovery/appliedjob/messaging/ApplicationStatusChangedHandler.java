package org.jobsearch.discovery.appliedjob.messaging;

import org.jobsearch.discovery.appliedjob.AppliedJobService;
import org.jobsearch.events.ApplicationStatusChanged;
import org.jobsearch.messaging.inbox.EventEnvelope;
import org.jobsearch.messaging.inbox.IntegrationEventHandler;
import org.springframework.stereotype.Component;

/** tracker's {@code ApplicationStatusChanged} (topic {@code application.events}) → the applied-jobs projection. */
@Component
class ApplicationStatusChangedHandler extends IntegrationEventHandler<ApplicationStatusChanged> {

    private final AppliedJobService appliedJobs;

    ApplicationStatusChangedHandler(AppliedJobService appliedJobs) {
        super(ApplicationStatusChanged.class);
        this.appliedJobs = appliedJobs;
    }

    @Override
    public void handle(ApplicationStatusChanged event, EventEnvelope envelope) {
        appliedJobs.statusChanged(event);
    }

    /** The inbox remembers processed events under this name: it must not change when the class moves. */
    @Override
    public String name() {
        return "discovery.applied-jobs";
    }
}
