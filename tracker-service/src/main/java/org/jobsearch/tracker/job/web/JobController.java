package org.jobsearch.tracker.job.web;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jobsearch.identity.CurrentUser;
import org.jobsearch.rest.PageResponse;
import org.jobsearch.rest.ResourceNotFoundException;
import org.jobsearch.tracker.job.JobService;
import org.jobsearch.tracker.job.JobSummary;
import org.jobsearch.tracker.job.JobView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/** The signed-in user's jobs: added here by hand, or adopted from resume's parse of a job description. */
@RestController
@RequestMapping(JobController.PATH)
class JobController {

    static final String PATH = "/api/tracker/jobs";

    private final JobService jobs;

    JobController(JobService jobs) {
        this.jobs = jobs;
    }

    /** 201 with the job under a new id; {@code Location} is gateway-relative. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<JobResponse> create(@Parameter(hidden = true) CurrentUser user,
                                       @Valid @RequestBody JobRequest request) {
        JobView created = jobs.create(user.id(), request.toData());
        return ResponseEntity.created(URI.create(PATH + "/" + created.id())).body(JobResponse.of(created));
    }

    /** Newest first, without descriptions and requirements. */
    @GetMapping
    PageResponse<JobSummary> list(@Parameter(hidden = true) CurrentUser user,
                                  @RequestParam(defaultValue = "0") @Min(0) int page,
                                  @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return PageResponse.of(jobs.list(user.id(), page, size), summary -> summary);
    }

    /** 404 alike for an unknown id and another user's job. */
    @GetMapping("/{id}")
    JobResponse get(@Parameter(hidden = true) CurrentUser user, @PathVariable UUID id) {
        return jobs.find(user.id(), id).map(JobResponse::of).orElseThrow(() -> new ResourceNotFoundException("job", id));
    }

    /**
     * Replaces everything the user states about the job, requirements and contract terms included. A later parse of
     * its description (resume's {@code JdParsed}) replaces them again.
     */
    @PutMapping("/{id}")
    JobResponse update(@Parameter(hidden = true) CurrentUser user, @PathVariable UUID id,
                       @Valid @RequestBody JobRequest request) {
        return jobs.update(user.id(), id, request.toData()).map(JobResponse::of)
                .orElseThrow(() -> new ResourceNotFoundException("job", id));
    }
}
