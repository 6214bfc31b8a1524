package org.jobsearch.prep.application.messaging;

import org.jobsearch.events.ApplicationStatusChanged;
import org.jobsearch.messaging.inbox.EventEnvelope;
import org.jobsearch.messaging.inbox.IntegrationEventHandler;
import org.jobsearch.prep.application.TrackedApplicationService;
import org.springframework.stereotype.Component;

/** tracker's {@code ApplicationStatusChanged} (topic {@code application.events}) → the tracked applications. */
@Component
class ApplicationStatusChangedHandler extends IntegrationEventHandler<ApplicationStatusChanged> {

    private final TrackedApplicationService applications;

    ApplicationStatusChangedHandler(TrackedApplicationService applications) {
        super(ApplicationStatusChanged.class);
        this.applications = applications;
    }

    @Override
    public void handle(ApplicationStatusChanged event, EventEnvelope envelope) {
        applications.statusChanged(event);
    }

    /** The inbox remembers processed events under this name: it must not change when the class moves. */
    @Override
    public String name() {
        return "prep.tracked-applications";
    }
}
