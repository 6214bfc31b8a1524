package org.jobsearch.tracker.application;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jobsearch.events.ApplicationStatusChanged;
import org.jobsearch.messaging.outbox.OutboxWriter;
import org.jobsearch.tracker.job.JobDetails;
import org.jobsearch.tracker.job.JobService;
import org.jobsearch.tracker.job.NewJob;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The user's applications. Every change of state writes its {@code ApplicationStatusChanged} to the outbox in the
 * same transaction, so the event is published exactly when the change commits.
 */
@Service
@Transactional(readOnly = true)
public class ApplicationService {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("appliedAt"), Sort.Order.desc("id"));

    private final ApplicationRepository applications;
    private final JobService jobs;
    private final OutboxWriter outbox;
    private final Validator validator;

    ApplicationService(ApplicationRepository applications, JobService jobs, OutboxWriter outbox, Validator validator) {
        this.applications = applications;
        this.jobs = jobs;
        this.outbox = outbox;
        this.validator = validator;
    }

    /** Adds the job and an application to it, status {@code no_response}. */
    @Transactional
    public ApplicationView submit(UUID ownerId, NewApplication command) {
        JobDetails job = jobs.create(ownerId,
                new NewJob(command.company(), command.title(), command.externalJobId(), command.source()));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Application application = applications.save(Application.submit(ownerId, job.id(), now));
        publish(ApplicationEvents.statusChanged(application, null, application.appliedAt(), job, now));
        return view(application, job);
    }

    /** The owner's applications, newest first. */
    public Page<ApplicationView> list(UUID ownerId, int page, int size) {
        Page<Application> found = applications.findByOwnerId(ownerId, PageRequest.of(page, size, NEWEST_FIRST));
        Map<UUID, JobDetails> jobsById = jobs.findAll(ownerId,
                found.getContent().stream().map(Application::jobId).collect(Collectors.toSet()));
        return found.map(application -> view(application, jobsById.get(application.jobId())));
    }

    /** The owner's application; empty for an unknown id and for another user's application alike. */
    public Optional<ApplicationView> find(UUID ownerId, UUID id) {
        return applications.findByIdAndOwnerId(id, ownerId).map(application -> view(application,
                jobs.findAll(ownerId, Set.of(application.jobId())).get(application.jobId())));
    }

    private void publish(ApplicationStatusChanged event) {
        Set<ConstraintViolation<ApplicationStatusChanged>> violations = validator.validate(event);
        if (!violations.isEmpty()) {
            // the request's limits match the contract's, so this is a bug, not bad input
            throw new IllegalStateException("ApplicationStatusChanged breaks its contract: " + violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining("; ")));
        }
        outbox.append(event);
    }

    private static ApplicationView view(Application application, JobDetails job) {
        return new ApplicationView(application.id(), application.jobId(), job.company(), job.title(),
                job.externalJobId(), job.source(), application.status(), application.appliedAt());
    }
}
