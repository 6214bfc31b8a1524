package org.jobsearch.tracker.job.messaging;

import org.jobsearch.events.ResumeRendered;
import org.jobsearch.messaging.inbox.EventEnvelope;
import org.jobsearch.messaging.inbox.IntegrationEventHandler;
import org.jobsearch.tracker.job.JobService;
import org.springframework.stereotype.Component;

/** resume's {@code ResumeRendered} (topic {@code resume.events}) → the resume version linked to its job. */
@Component
class ResumeRenderedHandler extends IntegrationEventHandler<ResumeRendered> {

    private final JobService jobs;

    ResumeRenderedHandler(JobService jobs) {
        super(ResumeRendered.class);
        this.jobs = jobs;
    }

    @Override
    public void handle(ResumeRendered event, EventEnvelope envelope) {
        jobs.linkResume(event);
    }

    /** The inbox remembers processed events under this name: it must not change when the class moves. */
    @Override
    public String name() {
        return "tracker.job-resumes";
    }
}
