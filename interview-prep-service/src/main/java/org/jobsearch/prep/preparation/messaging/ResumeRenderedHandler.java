package org.jobsearch.prep.preparation.messaging;

import org.jobsearch.events.ResumeRendered;
import org.jobsearch.messaging.inbox.EventEnvelope;
import org.jobsearch.messaging.inbox.IntegrationEventHandler;
import org.jobsearch.prep.preparation.PreparationService;
import org.springframework.stereotype.Component;

/** {@code ResumeRendered} → {@link PreparationService#resumeRendered}, for the event's owner only. */
@Component
class ResumeRenderedHandler extends IntegrationEventHandler<ResumeRendered> {

    private final PreparationService preparation;

    ResumeRenderedHandler(PreparationService preparation) {
        super(ResumeRendered.class);
        this.preparation = preparation;
    }

    @Override
    public void handle(ResumeRendered event, EventEnvelope envelope) {
        preparation.resumeRendered(event);
    }

    /** The inbox remembers processed events under this name: it must not change when the class moves. */
    @Override
    public String name() {
        return "prep.resume-content";
    }
}
