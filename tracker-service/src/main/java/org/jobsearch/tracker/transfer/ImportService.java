package org.jobsearch.tracker.transfer;

import org.jobsearch.events.ApplicationStatus;
import org.jobsearch.tracker.application.ApplicationService;
import org.jobsearch.tracker.application.ApplicationView;
import org.jobsearch.tracker.application.NewApplication;
import org.jobsearch.tracker.job.JobData;
import org.jobsearch.tracker.job.JobService;
import org.jobsearch.tracker.job.JobView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.Reader;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Imports a spreadsheet of applications: each accepted row becomes a job and its application (with its status and
 * history), created exactly as by hand, so each publishes its {@code ApplicationStatusChanged}. One transaction per
 * import: every accepted row is imported, or none.
 */
@Service
public class ImportService {

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);

    private final JobService jobs;
    private final ApplicationService applications;

    ImportService(JobService jobs, ApplicationService applications) {
        this.jobs = jobs;
        this.applications = applications;
    }

    /** @throws ImportRefusedException if the file cannot be read as a spreadsheet of applications */
    @Transactional
    public ImportReport importCsv(UUID ownerId, Reader csv, ZoneId zone, boolean dryRun) {
        ApplicationsCsv.Parsed parsed = ApplicationsCsv.parse(csv, zone, Instant.now());
        int rows = parsed.accepted().size() + parsed.rejected().size();
        List<UUID> created = new ArrayList<>();
        if (!dryRun) {
            for (ImportRow row : parsed.accepted()) {
                created.add(create(ownerId, row));
            }
            log.info("owner {} imported {} applications ({} rows rejected)", ownerId, created.size(),
                    parsed.rejected().size());
        }
        return new ImportReport(dryRun, rows, parsed.accepted(), parsed.rejected(), parsed.ignoredColumns(),
                List.copyOf(created));
    }

    private UUID create(UUID ownerId, ImportRow row) {
        JobView job = jobs.create(ownerId, new JobData(row.source(), row.company(), row.title(), row.role(),
                row.specialization(), row.level(), row.location(), row.workSetting(), row.minYears(), row.minSalary(),
                row.maxSalary(), row.externalId(), null, List.of(), null));
        ApplicationView application = applications.apply(ownerId,
                new NewApplication(job.id(), null, row.appliedAt(), row.desiredSalary()));
        if (row.status() != ApplicationStatus.NO_RESPONSE) {
            applications.changeStatus(ownerId, application.id(), row.status(), row.statusAt());
        }
        return application.id();
    }
}
