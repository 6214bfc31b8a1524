package org.jobsearch.tracker.job.messaging;

import org.jobsearch.events.JdParsed;
import org.jobsearch.messaging.inbox.EventEnvelope;
import org.jobsearch.messaging.inbox.IntegrationEventHandler;
import org.jobsearch.tracker.job.JobService;
import org.springframework.stereotype.Component;

/** resume's {@code JdParsed} (topic {@code job.events}) → the job with its requirements and contract terms. */
@Component
class JdParsedHandler extends IntegrationEventHandler<JdParsed> {

    private final JobService jobs;

    JdParsedHandler(JobService jobs) {
        super(JdParsed.class);
        this.jobs = jobs;
    }

    @Override
    public void handle(JdParsed event, EventEnvelope envelope) {
        jobs.adoptParsed(event);
    }

    /** The inbox remembers processed events under this name: it must not change when the class moves. */
    @Override
    public String name() {
        return "tracker.jobs";
    }
}
