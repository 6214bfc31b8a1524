package org.jobsearch.tracker.application;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jobsearch.events.ApplicationStatus;
import org.jobsearch.events.ApplicationStatusChanged;
import org.jobsearch.messaging.outbox.OutboxWriter;
import org.jobsearch.tracker.job.JobDetails;
import org.jobsearch.tracker.job.JobService;
import org.hibernate.exception.ConstraintViolationException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The user's applications. Creation and every change of status write their {@code ApplicationStatusChanged} to the
 * outbox in the same transaction, so the event is published exactly when the change commits.
 */
@Service
@Transactional(readOnly = true)
public class ApplicationService {

    /** The unique index that keeps one application per job (V3). */
    static final String ONE_APPLICATION_PER_JOB = "application_job";
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

    /**
     * Applies to the owner's job, or to a job added with the application; status {@code no_response}. A job has at
     * most one application (as in the reference).
     *
     * @throws ApplicationInputException if {@code jobId} is not the owner's job, or already has an application
     */
    @Transactional
    public ApplicationView apply(UUID ownerId, NewApplication command) {
        Instant now = now();
        JobDetails job;
        if (command.jobId() != null) {
            job = jobs.findAll(ownerId, Set.of(command.jobId())).get(command.jobId());
            if (job == null) {
                throw ApplicationInputException.unprocessable("/jobId", "no job with id " + command.jobId());
            }
            applications.findByOwnerIdAndJobId(ownerId, job.id()).ifPresent(existing -> {
                throw ApplicationInputException.conflict("/jobId",
                        "job " + job.id() + " already has application " + existing.id());
            });
        } else {
            job = jobs.create(ownerId, command.newJob());
        }
        Instant appliedAt = command.appliedAt() == null ? now : command.appliedAt().truncatedTo(ChronoUnit.MICROS);
        Application application;
        try {
            // flushed here, not at commit: a concurrent application to the same job that passed the check above
            // fails on the unique index (application_job) now, as the same 409, before anything is published
            application = applications.saveAndFlush(
                    Application.submit(ownerId, job.id(), appliedAt, command.desiredSalary(), now));
        } catch (DataIntegrityViolationException e) {
            if (!violates(e, ONE_APPLICATION_PER_JOB)) {
                throw e;
            }
            throw ApplicationInputException.conflict("/jobId", "job " + job.id() + " already has an application");
        }
        publish(ApplicationEvents.statusChanged(application, null, application.appliedAt(), job, now));
        return view(application, job, true);
    }

    /**
     * Changes the screening status as of {@code changedAt} (null for now) and publishes the change; empty for an
     * unknown id and another user's application alike.
     *
     * @throws ApplicationStateException if the transition rules refuse it ({@link StatusTransitions})
     * @throws ApplicationInputException if {@code changedAt} precedes the current status
     */
    @Transactional
    public Optional<ApplicationView> changeStatus(UUID ownerId, UUID id, ApplicationStatus status, Instant changedAt) {
        Instant now = now();
        Instant at = changedAt == null ? now : changedAt.truncatedTo(ChronoUnit.MICROS);
        return applications.findForUpdate(id, ownerId).map(application -> {
            ApplicationStatus previous = application.changeStatus(status, at);
            JobDetails job = job(ownerId, application);
            publish(ApplicationEvents.statusChanged(application, previous, at, job, now));
            return view(application, job, true);
        });
    }

    /**
     * Records (or corrects) how the interview process ended; empty for an unknown id and another user's application.
     *
     * @throws ApplicationStateException if the application has had no callback
     */
    @Transactional
    public Optional<ApplicationView> recordOutcome(UUID ownerId, UUID id, ProcessOutcome outcome) {
        return applications.findForUpdate(id, ownerId).map(application -> {
            application.recordOutcome(outcome);
            return view(application, job(ownerId, application), true);
        });
    }

    /**
     * Changes the desired salary (whole USD per year; below 1000 read as thousands); empty for an unknown id and
     * another user's application alike. Publishes nothing: the salary is not part of any event.
     */
    @Transactional
    public Optional<ApplicationView> changeDesiredSalary(UUID ownerId, UUID id, int desiredSalary) {
        return applications.findForUpdate(id, ownerId).map(application -> {
            application.changeDesiredSalary(desiredSalary);
            return view(application, job(ownerId, application), true);
        });
    }

    /** The owner's applications, newest first, without their history. */
    public Page<ApplicationView> list(UUID ownerId, int page, int size) {
        Page<Application> found = applications.findByOwnerId(ownerId, PageRequest.of(page, size, NEWEST_FIRST));
        Map<UUID, JobDetails> jobsById = jobs.findAll(ownerId,
                found.getContent().stream().map(Application::jobId).collect(Collectors.toSet()));
        return found.map(application -> view(application, jobsById.get(application.jobId()), false));
    }

    /** The owner's application with its history; empty for an unknown id and another user's application alike. */
    public Optional<ApplicationView> find(UUID ownerId, UUID id) {
        return applications.findByIdAndOwnerId(id, ownerId)
                .map(application -> view(application, job(ownerId, application), true));
    }

    /** The owner's applications among {@code ids}, by id, without history; other users' are simply absent. */
    public Map<UUID, ApplicationView> findAll(UUID ownerId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return views(ownerId, applications.findByOwnerIdAndIdIn(ownerId, ids)).stream()
                .collect(Collectors.toUnmodifiableMap(ApplicationView::id, Function.identity()));
    }

    /** The owner's applications to any of {@code jobIds}, without history. */
    public List<ApplicationView> findByJobs(UUID ownerId, Collection<UUID> jobIds) {
        if (jobIds.isEmpty()) {
            return List.of();
        }
        return views(ownerId, applications.findByOwnerIdAndJobIdIn(ownerId, jobIds));
    }

    private List<ApplicationView> views(UUID ownerId, List<Application> found) {
        Map<UUID, JobDetails> jobsById = jobs.findAll(ownerId,
                found.stream().map(Application::jobId).collect(Collectors.toSet()));
        return found.stream().map(application -> view(application, jobsById.get(application.jobId()), false)).toList();
    }

    private JobDetails job(UUID ownerId, Application application) {
        return jobs.findAll(ownerId, Set.of(application.jobId())).get(application.jobId());
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

    private static ApplicationView view(Application application, JobDetails job, boolean withHistory) {
        return new ApplicationView(application.id(), application.jobId(), job.company(), job.title(),
                job.externalJobId(), job.source(), application.status(), application.appliedAt(),
                application.desiredSalary(), application.outcome(), withHistory ? application.history() : null,
                job.resume());
    }

    /** Whether {@code e} is a violation of the named constraint or unique index. */
    private static boolean violates(DataIntegrityViolationException e, String constraint) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation
                    && constraint.equalsIgnoreCase(violation.getConstraintName())) {
                return true;
            }
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())
                    && sql.getMessage() != null && sql.getMessage().contains("\"" + constraint + "\"")) {
                return true;
            }
        }
        return false;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
