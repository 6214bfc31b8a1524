package org.jobsearch.resume.job.web;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import org.jobsearch.identity.CurrentUser;
import org.jobsearch.llm.LlmFailure;
import org.jobsearch.resume.job.JobService;
import org.jobsearch.resume.job.JobView;
import org.jobsearch.resume.job.ListingNotFoundException;
import org.jobsearch.resume.job.NewJob;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Jobs from pasted JD text or a discovered listing: preprocessed, parsed, published as {@code JdParsed}. */
@RestController
@RequestMapping("/api/resumes/jobs")
class JobController {

    private final JobService jobs;

    JobController(JobService jobs) {
        this.jobs = jobs;
    }

    @PostMapping
    ResponseEntity<JobView> create(@Parameter(hidden = true) CurrentUser user, @Valid @RequestBody JobRequest request) {
        JobView job = jobs.create(user.id(), new NewJob(request.listingId() == null ? request.jdText() : null,
                request.listingId(), request.source(), null));
        return ResponseEntity.created(URI.create("/api/resumes/jobs/" + job.id())).body(job);
    }

    @GetMapping("/{id}")
    JobView get(@Parameter(hidden = true) CurrentUser user, @PathVariable UUID id) {
        return jobs.get(user.id(), id);
    }

    @ExceptionHandler(ListingNotFoundException.class)
    ResponseEntity<ProblemDetail> unknownListing(ListingNotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setTitle("Unknown listing");
        problem.setProperty("errors", List.of(Map.of("pointer", "/listingId", "detail", e.getMessage())));
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(problem);
    }

    /** The model did not give a valid parse (after its repair attempt), was over budget or unreachable. */
    @ExceptionHandler(LlmFailure.class)
    ResponseEntity<ProblemDetail> parseFailed(LlmFailure e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY,
                "The job description could not be parsed: " + e.reason());
        problem.setTitle("JD parse failed");
        problem.setProperty("reason", e.reason().name());
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(problem);
    }
}
