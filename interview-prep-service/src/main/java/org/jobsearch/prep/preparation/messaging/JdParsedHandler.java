package org.jobsearch.prep.preparation.messaging;

import org.jobsearch.events.JdParsed;
import org.jobsearch.messaging.inbox.EventEnvelope;
import org.jobsearch.messaging.inbox.IntegrationEventHandler;
import org.jobsearch.prep.preparation.PreparationService;
import org.springframework.stereotype.Component;

/** {@code JdParsed} → {@link PreparationService#jdParsed}, for the event's owner only. */
@Component
class JdParsedHandler extends IntegrationEventHandler<JdParsed> {

    private final PreparationService preparation;

    JdParsedHandler(PreparationService preparation) {
        super(JdParsed.class);
        this.preparation = preparation;
    }

    @Override
    public void handle(JdParsed event, EventEnvelope envelope) {
        preparation.jdParsed(event);
    }

    /** The inbox remembers processed events under this name: it must not change when the class moves. */
    @Override
    public String name() {
        return "prep.job-context";
    }
}
