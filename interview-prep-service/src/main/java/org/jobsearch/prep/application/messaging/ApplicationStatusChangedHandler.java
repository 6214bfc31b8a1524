package org.jobsearch.prep.application.messaging;

import org.jobsearch.events.ApplicationStatus;
import org.jobsearch.events.ApplicationStatusChanged;
import org.jobsearch.messaging.inbox.EventEnvelope;
import org.jobsearch.messaging.inbox.IntegrationEventHandler;
import org.jobsearch.prep.application.TrackedApplicationService;
import org.jobsearch.prep.preparation.PreparationService;
import org.springframework.stereotype.Component;

/**
 * tracker's {@code ApplicationStatusChanged} (topic {@code application.events}) → the tracked applications, and on a
 * callback the base prep's generation (it waits for the job context if that has not arrived yet).
 */
@Component
class ApplicationStatusChangedHandler extends IntegrationEventHandler<ApplicationStatusChanged> {

    private final TrackedApplicationService applications;
    private final PreparationService preparation;

    ApplicationStatusChangedHandler(TrackedApplicationService applications, PreparationService preparation) {
        super(ApplicationStatusChanged.class);
        this.applications = applications;
        this.preparation = preparation;
    }

    @Override
    public void handle(ApplicationStatusChanged event, EventEnvelope envelope) {
        if (applications.statusChanged(event) && event.status() == ApplicationStatus.CALLBACK) {
            preparation.callbackReceived(event.ownerId(), event.applicationId(), event.jobId());
        }
    }

    /** The inbox remembers processed events under this name: it must not change when the class moves. */
    @Override
    public String name() {
        return "prep.tracked-applications";
    }
}
