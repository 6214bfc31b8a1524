package org.jobsearch.tracker.interview;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jobsearch.events.ApplicationStatus;
import org.jobsearch.events.InterviewChange;
import org.jobsearch.events.InterviewScheduled;
import org.jobsearch.messaging.outbox.OutboxWriter;
import org.jobsearch.tracker.application.ApplicationService;
import org.jobsearch.tracker.application.ApplicationView;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The interviews of the user's applications. Scheduling, rescheduling and cancelling each write an
 * {@code InterviewScheduled} to the outbox in the same transaction, keyed by the application id so they follow the
 * application's status events in order.
 */
@Service
@Transactional(readOnly = true)
public class InterviewService {

    private static final Sort SOONEST_FIRST = Sort.by(Sort.Order.asc("scheduledAt"), Sort.Order.asc("id"));

    private final InterviewRepository interviews;
    private final ApplicationService applications;
    private final OutboxWriter outbox;
    private final Validator validator;

    InterviewService(InterviewRepository interviews, ApplicationService applications, OutboxWriter outbox,
                     Validator validator) {
        this.interviews = interviews;
        this.applications = applications;
        this.outbox = outbox;
        this.validator = validator;
    }

    /**
     * Schedules an interview of the owner's application; empty for an unknown application and another user's alike.
     *
     * @throws InterviewRefusedException unless the application is in {@code callback} with its process still open
     */
    @Transactional
    public Optional<InterviewView> schedule(UUID ownerId, UUID applicationId, InterviewDetails details) {
        return application(ownerId, applicationId).map(application -> {
            requireOpenProcess(application);
            Interview interview = interviews.save(
                    Interview.schedule(ownerId, applicationId, application.jobId(), details, now()));
            publish(interview, InterviewChange.SCHEDULED);
            return interview.view(application.company(), application.title());
        });
    }

    /**
     * Replaces the interview's details; announced as {@code rescheduled} when anything but the notes changed. Empty
     * for an unknown interview or application and another user's alike.
     *
     * @throws InterviewRefusedException if the interview was cancelled, or the application's process is not open
     */
    @Transactional
    public Optional<InterviewView> reschedule(UUID ownerId, UUID applicationId, UUID interviewId,
                                              InterviewDetails details) {
        return application(ownerId, applicationId).flatMap(application ->
                interviews.findForUpdate(interviewId, applicationId, ownerId).map(interview -> {
                    if (interview.cancelled()) {
                        throw new InterviewRefusedException("Interview " + interviewId + " was cancelled; "
                                + "schedule a new one instead", application.status());
                    }
                    requireOpenProcess(application);
                    if (interview.reschedule(details, now())) {
                        publish(interview, InterviewChange.RESCHEDULED);
                    }
                    return interview.view(application.company(), application.title());
                }));
    }

    /**
     * Cancels the interview (whatever the application's state: a withdrawal cancels what was planned). Cancelling a
     * cancelled interview changes nothing and publishes nothing. Empty for an unknown interview and another user's.
     */
    @Transactional
    public Optional<InterviewView> cancel(UUID ownerId, UUID applicationId, UUID interviewId) {
        return application(ownerId, applicationId).flatMap(application ->
                interviews.findForUpdate(interviewId, applicationId, ownerId).map(interview -> {
                    if (interview.cancel(now())) {
                        publish(interview, InterviewChange.CANCELLED);
                    }
                    return interview.view(application.company(), application.title());
                }));
    }

    public Optional<InterviewView> find(UUID ownerId, UUID applicationId, UUID interviewId) {
        return application(ownerId, applicationId).flatMap(application ->
                interviews.findByIdAndApplicationIdAndOwnerId(interviewId, applicationId, ownerId)
                        .map(interview -> interview.view(application.company(), application.title())));
    }

    /** Every interview of the application, cancelled ones included, soonest first; empty for an unknown one. */
    public Optional<Page<InterviewView>> ofApplication(UUID ownerId, UUID applicationId, int page, int size) {
        return application(ownerId, applicationId).map(application -> interviews
                .findByOwnerIdAndApplicationId(ownerId, applicationId, PageRequest.of(page, size, SOONEST_FIRST))
                .map(interview -> interview.view(application.company(), application.title())));
    }

    /** The owner's interviews after now that stand, soonest first, optionally of one stage. */
    public Page<InterviewView> upcoming(UUID ownerId, InterviewStage stage, int page, int size) {
        PageRequest pageRequest = PageRequest.of(page, size, SOONEST_FIRST);
        Instant now = Instant.now();
        Page<Interview> found = stage == null
                ? interviews.findByOwnerIdAndCancelledAtIsNullAndScheduledAtAfter(ownerId, now, pageRequest)
                : interviews.findByOwnerIdAndStageAndCancelledAtIsNullAndScheduledAtAfter(ownerId, stage, now,
                pageRequest);
        Map<UUID, ApplicationView> byId = applications.findAll(ownerId,
                found.getContent().stream().map(Interview::applicationId).collect(Collectors.toSet()));
        return found.map(interview -> {
            ApplicationView application = byId.get(interview.applicationId());
            return interview.view(application.company(), application.title());
        });
    }

    /** The owner's interviews after {@code now} that stand, soonest first, at most {@code limit} (a calendar feed). */
    public List<InterviewView> upcoming(UUID ownerId, Instant now, int limit) {
        return upcoming(ownerId, null, 0, limit).getContent();
    }

    private Optional<ApplicationView> application(UUID ownerId, UUID applicationId) {
        return Optional.ofNullable(applications.findAll(ownerId, Set.of(applicationId)).get(applicationId));
    }

    private static void requireOpenProcess(ApplicationView application) {
        if (application.status() != ApplicationStatus.CALLBACK) {
            throw new InterviewRefusedException("Application " + application.id() + " is "
                    + application.status().name().toLowerCase(Locale.ROOT)
                    + "; interviews can only be scheduled after a callback", application.status());
        }
        if (application.outcome() != null) {
            throw new InterviewRefusedException("The interview process of application " + application.id()
                    + " has ended (" + application.outcome().outcome().label() + ")", application.status());
        }
    }

    private void publish(Interview interview, InterviewChange change) {
        InterviewScheduled event = new InterviewScheduled(UUID.randomUUID(), now(), interview.applicationId(),
                interview.id(), interview.jobId(), interview.ownerId(), change, interview.stage().value(),
                interview.format() == null ? null : interview.format().value(),
                interview.focus() == null ? null : interview.focus().value(),
                interview.interviewerName(), interview.interviewerTitle(), interview.scheduledAt());
        Set<ConstraintViolation<InterviewScheduled>> violations = validator.validate(event);
        if (!violations.isEmpty()) {
            // the request's limits match the contract's, so this is a bug, not bad input
            throw new IllegalStateException("InterviewScheduled breaks its contract: " + violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining("; ")));
        }
        outbox.append(event);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
