package org.jobsearch.prep.preparation;

import org.jobsearch.events.InterviewChange;
import org.jobsearch.events.InterviewScheduled;
import org.jobsearch.events.JdParsed;
import org.jobsearch.events.ResumeRendered;
import org.jobsearch.prep.application.TrackedApplicationService;
import org.jobsearch.prep.application.TrackedApplicationView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Interview preparation: keeps its inputs from events, records generations (run after commit by
 * {@link GenerationWorker}), and serves, regenerates and edits the documents and the debrief notes. Everything is
 * scoped to the owner: another user's application or interview is "not found".
 */
@Service
@Transactional(readOnly = true)
public class PreparationService {

    private static final Logger log = LoggerFactory.getLogger(PreparationService.class);

    private final InputStore inputs;
    private final DocumentStore documents;
    private final GenerationQueue generations;
    private final GenerationWorker worker;
    private final TrackedApplicationService applications;
    private final Clock clock = Clock.systemUTC();

    PreparationService(InputStore inputs, DocumentStore documents, GenerationQueue generations,
                       GenerationWorker worker, TrackedApplicationService applications) {
        this.inputs = inputs;
        this.documents = documents;
        this.generations = generations;
        this.worker = worker;
        this.applications = applications;
    }

    // ------------------------------------------------------------------------------------------------ events

    /** A callback: the base prep is generated once the job context is here (now, or when its JdParsed arrives). */
    @Transactional
    public void callbackReceived(UUID ownerId, UUID applicationId, UUID jobId) {
        if (documents.latest(ownerId, applicationId, null).isEmpty()
                && !generations.open(ownerId, applicationId, null)) {
            request(ownerId, applicationId, jobId, null, "callback");
        }
    }

    @Transactional
    public void jdParsed(JdParsed event) {
        if (!inputs.saveJob(event)) {
            log.info("JdParsed {} left job {} as it was (older, or another owner's)", event.eventId(), event.jobId());
        }
        // waiting generations of this job are claimable from now on: wake the worker after the commit
        afterCommit(worker::wake);
    }

    @Transactional
    public void resumeRendered(ResumeRendered event) {
        if (!inputs.saveResume(event)) {
            log.info("ResumeRendered {} left resume {} as it was (not newer, or another owner's)", event.eventId(),
                    event.resumeId());
        }
    }

    /**
     * Records the interview; a new one, or one whose stage, focus or interviewer changed, gets a prep generated
     * (the base first if missing). A cancellation keeps what was generated.
     */
    @Transactional
    public void interviewScheduled(InterviewScheduled event) {
        InputStore.SavedInterview saved = inputs.saveInterview(event);
        if (!saved.applied()) {
            log.info("InterviewScheduled {} left interview {} as it was (older, or another owner's)",
                    event.eventId(), event.interviewId());
            return;
        }
        if (event.change() == InterviewChange.CANCELLED) {
            return;
        }
        InterviewView before = saved.before();
        boolean recalibrated = before != null && (!Objects.equals(before.stage(), event.stage())
                || !Objects.equals(before.focus(), event.focus())
                || !Objects.equals(before.interviewerTitle(), event.interviewerTitle()));
        boolean hasPrep = documents.latest(event.ownerId(), event.applicationId(), event.interviewId()).isPresent();
        if ((!hasPrep || recalibrated) && !generations.open(event.ownerId(), event.applicationId(), event.interviewId())) {
            request(event.ownerId(), event.applicationId(), event.jobId(), event.interviewId(),
                    event.change().name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    // ------------------------------------------------------------------------------------------------ API

    /** The prep page of the owner's application; empty for an unknown application and another user's alike. */
    public Optional<PrepPage> page(UUID ownerId, UUID applicationId) {
        return applications.find(ownerId, applicationId).map(app -> new PrepPage(
                documents.latest(ownerId, applicationId, null).orElse(null),
                inputs.interviews(ownerId, applicationId).stream().map(i -> new PrepPage.InterviewPrep(i,
                        documents.latest(ownerId, applicationId, i.interviewId()).orElse(null))).toList(),
                generations.latest(ownerId, applicationId)));
    }

    @Transactional
    public Optional<GenerationView> regenerateBase(UUID ownerId, UUID applicationId) {
        return applications.find(ownerId, applicationId).map(app ->
                request(ownerId, applicationId, app.jobId(), null, "regenerate"));
    }

    @Transactional
    public Optional<GenerationView> regenerateInterview(UUID ownerId, UUID interviewId) {
        return inputs.interview(ownerId, interviewId).map(i ->
                request(ownerId, i.applicationId(), i.jobId(), interviewId, "regenerate"));
    }

    /** Newest first; empty when the application is not the owner's. */
    public Optional<List<PrepDocumentView>> baseVersions(UUID ownerId, UUID applicationId) {
        return applications.find(ownerId, applicationId).map(app -> documents.versions(ownerId, applicationId, null));
    }

    public Optional<List<PrepDocumentView>> interviewVersions(UUID ownerId, UUID interviewId) {
        return inputs.interview(ownerId, interviewId)
                .map(i -> documents.versions(ownerId, i.applicationId(), interviewId));
    }

    /**
     * A new version of the base prep with one section replaced; empty when there is no base prep of the owner's yet.
     *
     * @throws IllegalArgumentException for an interview section
     */
    @Transactional
    public Optional<PrepDocumentView> editBase(UUID ownerId, UUID applicationId, PrepSection section,
                                               String markdown) {
        requireKind(section, true);
        return applications.find(ownerId, applicationId).flatMap(app -> edit(ownerId, applicationId, null, section,
                markdown));
    }

    /** As {@link #editBase}, for an interview's prep. */
    @Transactional
    public Optional<PrepDocumentView> editInterview(UUID ownerId, UUID interviewId, PrepSection section,
                                                    String markdown) {
        requireKind(section, false);
        return inputs.interview(ownerId, interviewId).flatMap(i -> edit(ownerId, i.applicationId(), interviewId,
                section, markdown));
    }

    /** Debrief notes of an interview, used by the preps of the application's later interviews. */
    @Transactional
    public Optional<InterviewView> debrief(UUID ownerId, UUID interviewId, String questionsAsked,
                                           String selfReflection) {
        if (!inputs.saveDebrief(ownerId, interviewId, questionsAsked, selfReflection, clock.instant())) {
            return Optional.empty();
        }
        return inputs.interview(ownerId, interviewId);
    }

    /** The application as tracker announced it, for the page's header. */
    public Optional<TrackedApplicationView> application(UUID ownerId, UUID applicationId) {
        return applications.find(ownerId, applicationId);
    }

    // ------------------------------------------------------------------------------------------------ internals

    private Optional<PrepDocumentView> edit(UUID ownerId, UUID applicationId, UUID interviewId, PrepSection section,
                                            String markdown) {
        return documents.latest(ownerId, applicationId, interviewId).map(latest -> {
            Map<PrepSection, String> sections = GenerationWorker.sections(latest);
            sections.put(section, markdown);
            return documents.append(ownerId, applicationId, interviewId, sections, latest.generator(), section,
                    clock.instant());
        });
    }

    private static void requireKind(PrepSection section, boolean base) {
        if (section.isBase() != base) {
            throw new IllegalArgumentException("section " + section.key() + " is not a section of "
                    + (base ? "the base prep" : "an interview's prep"));
        }
    }

    private GenerationView request(UUID ownerId, UUID applicationId, UUID jobId, UUID interviewId, String reason) {
        GenerationView requested = generations.request(ownerId, applicationId, jobId, interviewId, reason,
                clock.instant());
        afterCommit(worker::wake);
        return requested;
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        }
    }
}
