package org.jobsearch.tracker.job;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The jobs a user tracks. */
@Service
@Transactional(readOnly = true)
public class JobService {

    private final JobRepository jobs;

    JobService(JobRepository jobs) {
        this.jobs = jobs;
    }

    @Transactional
    public JobDetails create(UUID ownerId, NewJob job) {
        return jobs.save(new Job(ownerId, job, Instant.now().truncatedTo(ChronoUnit.MICROS))).details();
    }

    /** The owner's jobs among {@code ids}, by id; ids of other users' jobs are simply absent. */
    public Map<UUID, JobDetails> findAll(UUID ownerId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jobs.findByOwnerIdAndIdIn(ownerId, ids).stream()
                .map(Job::details)
                .collect(Collectors.toUnmodifiableMap(JobDetails::id, Function.identity()));
    }
}
