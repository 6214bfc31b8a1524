package org.jobsearch.tracker.job;

import org.jobsearch.events.JdParsed;
import org.jobsearch.events.ResumeRendered;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The jobs a user tracks: added by hand, or adopted from resume's {@code JdParsed} under the job id it carries, with
 * the resumes resume-service rendered for them ({@code ResumeRendered}).
 */
@Service
@Transactional(readOnly = true)
public class JobService {

    private static final Logger log = LoggerFactory.getLogger(JobService.class);
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

    private final JobRepository jobs;
    private final ResumeVersions resumes;

    JobService(JobRepository jobs, ResumeVersions resumes) {
        this.jobs = jobs;
        this.resumes = resumes;
    }

    /** A job added with just what an application by hand states. */
    @Transactional
    public JobDetails create(UUID ownerId, NewJob job) {
        JobData data = new JobData(job.source(), job.company(), job.title(), null, null, null, null, null, null, null,
                null, job.externalJobId(), null, List.of(), null);
        return jobs.save(Job.byHand(ownerId, data, now())).details(null);
    }

    /** A job added by hand, under a new id. */
    @Transactional
    public JobView create(UUID ownerId, JobData data) {
        Job job = jobs.save(Job.byHand(ownerId, data, now()));
        return job.view(List.of());
    }

    /** Replaces what the user states about their job; empty for an unknown id and another user's job alike. */
    @Transactional
    public Optional<JobView> update(UUID ownerId, UUID id, JobData data) {
        return jobs.findByIdAndOwnerId(id, ownerId).map(job -> {
            job.edit(data, now());
            return job.view(resumes.ofJob(ownerId, id));
        });
    }

    /** The owner's job; empty for an unknown id and another user's job alike. */
    public Optional<JobView> find(UUID ownerId, UUID id) {
        return jobs.findByIdAndOwnerId(id, ownerId).map(job -> job.view(resumes.ofJob(ownerId, id)));
    }

    /** The owner's jobs, newest first. */
    public Page<JobSummary> list(UUID ownerId, int page, int size) {
        return jobs.findByOwnerId(ownerId, PageRequest.of(page, size, NEWEST_FIRST)).map(Job::summary);
    }

    /** The owner's jobs among {@code ids}, by id; ids of other users' jobs are simply absent. */
    public Map<UUID, JobDetails> findAll(UUID ownerId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, ResumeLink> latest = resumes.latestOf(ownerId, ids);
        return jobs.findByOwnerIdAndIdIn(ownerId, ids).stream()
                .map(job -> job.details(latest.get(job.getId())))
                .collect(Collectors.toUnmodifiableMap(JobDetails::id, Function.identity()));
    }

    /** The ids of the owner's jobs at exactly this company (the reference's company page matches exactly). */
    public List<UUID> idsAtCompany(UUID ownerId, String company) {
        return jobs.findIdsAtCompany(ownerId, company);
    }

    /**
     * Creates or updates the job a parsed description is about, for the event's owner only: a job id that is already
     * another user's is left alone, and a parse older than the one applied last changes nothing.
     */
    @Transactional
    public void adoptParsed(JdParsed event) {
        Optional<UUID> owner = jobs.findOwnerIdById(event.jobId());
        if (owner.isEmpty()) {
            jobs.save(Job.fromParsed(event, now()));
            log.info("job {} created from JdParsed {}", event.jobId(), event.eventId());
            return;
        }
        if (!owner.get().equals(event.ownerId())) {
            log.warn("JdParsed {} names job {} for owner {}, but that job belongs to another user; skipped",
                    event.eventId(), event.jobId(), event.ownerId());
            return;
        }
        Job job = jobs.findByIdAndOwnerId(event.jobId(), event.ownerId()).orElseThrow();
        if (job.applyParsed(event, now())) {
            log.info("job {} updated from JdParsed {}", event.jobId(), event.eventId());
        } else {
            log.info("JdParsed {} for job {} is older than the parse already applied; skipped",
                    event.eventId(), event.jobId());
        }
    }

    /**
     * Keeps a rendered resume version for its job. The job need not be known yet (resume's events and its
     * {@code JdParsed} travel on different topics); a job id that is another user's is left alone.
     */
    @Transactional
    public void linkResume(ResumeRendered event) {
        Optional<UUID> owner = jobs.findOwnerIdById(event.jobId());
        if (owner.isPresent() && !owner.get().equals(event.ownerId())) {
            log.warn("ResumeRendered {} names job {} for owner {}, but that job belongs to another user; skipped",
                    event.eventId(), event.jobId(), event.ownerId());
            return;
        }
        boolean added = resumes.add(event.ownerId(), event.jobId(),
                new ResumeLink(event.resumeId(), event.version(), event.pdfPath(), event.occurredAt()));
        if (!added) {
            log.info("resume {} version {} is already linked to job {}", event.resumeId(), event.version(), event.jobId());
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
