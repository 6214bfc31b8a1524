package org.jobsearch.prep.preparation.messaging;

import org.jobsearch.events.InterviewScheduled;
import org.jobsearch.messaging.inbox.EventEnvelope;
import org.jobsearch.messaging.inbox.IntegrationEventHandler;
import org.jobsearch.prep.preparation.PreparationService;
import org.springframework.stereotype.Component;

/** {@code InterviewScheduled} → {@link PreparationService#interviewScheduled}, for the event's owner only. */
@Component
class InterviewScheduledHandler extends IntegrationEventHandler<InterviewScheduled> {

    private final PreparationService preparation;

    InterviewScheduledHandler(PreparationService preparation) {
        super(InterviewScheduled.class);
        this.preparation = preparation;
    }

    @Override
    public void handle(InterviewScheduled event, EventEnvelope envelope) {
        preparation.interviewScheduled(event);
    }

    /** The inbox remembers processed events under this name: it must not change when the class moves. */
    @Override
    public String name() {
        return "prep.interviews";
    }
}
