package org.jobsearch.discovery.appliedjob.web;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jobsearch.discovery.appliedjob.AppliedJobService;
import org.jobsearch.identity.CurrentUser;
import org.jobsearch.rest.PageResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's applied jobs. */
@RestController
class AppliedJobController {

    private final AppliedJobService appliedJobs;

    AppliedJobController(AppliedJobService appliedJobs) {
        this.appliedJobs = appliedJobs;
    }

    /** Newest application first. */
    @GetMapping("/api/discovery/applied-jobs")
    PageResponse<AppliedJobResponse> list(@Parameter(hidden = true) CurrentUser user,
                                          @RequestParam(defaultValue = "0") @Min(0) int page,
                                          @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return PageResponse.of(appliedJobs.list(user.id(), page, size), AppliedJobResponse::of);
    }
}
