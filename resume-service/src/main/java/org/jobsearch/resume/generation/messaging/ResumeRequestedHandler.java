package org.jobsearch.resume.generation.messaging;

import org.jobsearch.events.ResumeRequested;
import org.jobsearch.messaging.inbox.EventEnvelope;
import org.jobsearch.messaging.inbox.IntegrationEventHandler;
import org.jobsearch.messaging.inbox.PoisonMessageException;
import org.jobsearch.resume.generation.InvalidResumeRequestException;
import org.jobsearch.resume.generation.NewResume;
import org.jobsearch.resume.generation.ResumeService;
import org.jobsearch.resume.job.ListingNotFoundException;
import org.springframework.stereotype.Component;

/**
 * The {@code ResumeRequested} command (topic {@code resume.commands}) → a queued resume for the command's owner, in
 * the inbox transaction; the pipeline worker parses, writes and renders it after the commit, so no model call runs
 * inside the inbox (or Kafka) transaction. A repeated {@code requestId} is the same resume.
 */
@Component
class ResumeRequestedHandler extends IntegrationEventHandler<ResumeRequested> {

    private final ResumeService resumes;

    ResumeRequestedHandler(ResumeService resumes) {
        super(ResumeRequested.class);
        this.resumes = resumes;
    }

    @Override
    public void handle(ResumeRequested command, EventEnvelope envelope) {
        try {
            resumes.request(command.ownerId(), new NewResume(command.jdText(), command.listingId(), command.source(),
                    command.templateId() == null ? null : command.templateId().toString(), command.requestId()));
        } catch (ListingNotFoundException | InvalidResumeRequestException e) {
            // retrying cannot make an unknown listing or template appear: straight to the dead letters, where it can
            // be replayed once it exists; nothing was saved
            throw new PoisonMessageException(e.getMessage(), e);
        }
    }

    /** The inbox remembers processed events under this name: it must not change when the class moves. */
    @Override
    public String name() {
        return "resume.requests";
    }
}
