package org.jobsearch.resume.job.messaging;

import org.jobsearch.events.ResumeRequested;
import org.jobsearch.messaging.inbox.EventEnvelope;
import org.jobsearch.messaging.inbox.IntegrationEventHandler;
import org.jobsearch.messaging.inbox.PoisonMessageException;
import org.jobsearch.resume.job.JobService;
import org.jobsearch.resume.job.ListingNotFoundException;
import org.jobsearch.resume.job.NewJob;
import org.springframework.stereotype.Component;

/**
 * The {@code ResumeRequested} command (topic {@code resume.commands}) → a job for the command's owner, parsed and
 * published as {@code JdParsed}. Writing and rendering the resume are not available yet.
 */
@Component
class ResumeRequestedHandler extends IntegrationEventHandler<ResumeRequested> {

    private final JobService jobs;

    ResumeRequestedHandler(JobService jobs) {
        super(ResumeRequested.class);
        this.jobs = jobs;
    }

    @Override
    public void handle(ResumeRequested command, EventEnvelope envelope) {
        try {
            jobs.create(command.ownerId(), new NewJob(command.jdText(), command.listingId(), command.source(),
                    command.requestId()));
        } catch (ListingNotFoundException e) {
            // retrying cannot make an unknown listing appear: straight to the dead letters, where it can be replayed
            throw new PoisonMessageException(e.getMessage(), e);
        }
    }

    /** The inbox remembers processed events under this name: it must not change when the class moves. */
    @Override
    public String name() {
        return "resume.requests";
    }
}
