package org.jobsearch.tracker.company;

import org.jobsearch.tracker.application.ApplicationService;
import org.jobsearch.tracker.application.ApplicationView;
import org.jobsearch.tracker.job.JobService;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * A user's history with one company: every application to its jobs, with the status the company page derives.
 * The status rules apply in memory ({@link CompanyStatus}); one user's applications at one company are few.
 */
@Service
@Transactional(readOnly = true)
public class CompanyService {

    private static final Comparator<CompanyApplication> NEWEST_FIRST = Comparator
            .comparing(CompanyApplication::appliedAt).reversed()
            .thenComparing(CompanyApplication::applicationId, Comparator.reverseOrder());

    private final JobService jobs;
    private final ApplicationService applications;

    CompanyService(JobService jobs, ApplicationService applications) {
        this.jobs = jobs;
        this.applications = applications;
    }

    /**
     * The owner's applications to jobs at exactly {@code company}, newest applied first.
     *
     * @param active true for active only, false for inactive only, null for all
     */
    public Page<CompanyApplication> applications(UUID ownerId, String company, Boolean active, int page, int size) {
        List<CompanyApplication> matching = applications.findByJobs(ownerId, jobs.idsAtCompany(ownerId, company))
                .stream()
                .map(CompanyService::entry)
                .filter(entry -> active == null || entry.companyStatus().active() == active)
                .sorted(NEWEST_FIRST)
                .toList();
        PageRequest pageRequest = PageRequest.of(page, size);
        int from = (int) Math.min(pageRequest.getOffset(), matching.size());
        int to = Math.min(from + size, matching.size());
        return new PageImpl<>(matching.subList(from, to), pageRequest, matching.size());
    }

    private static CompanyApplication entry(ApplicationView application) {
        return new CompanyApplication(application.id(), application.jobId(), application.appliedAt(),
                application.title(), application.externalJobId(), application.status(), application.outcome(),
                CompanyStatus.of(application.status(), application.outcome()));
    }
}
