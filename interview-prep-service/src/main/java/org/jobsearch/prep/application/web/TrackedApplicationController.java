package org.jobsearch.prep.application.web;

import io.swagger.v3.oas.annotations.Parameter;
import org.jobsearch.identity.CurrentUser;
import org.jobsearch.prep.application.TrackedApplicationService;
import org.jobsearch.rest.ResourceNotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** What interview-prep knows of one of the signed-in user's applications (the prep page hangs off it). */
@RestController
class TrackedApplicationController {

    private final TrackedApplicationService applications;

    TrackedApplicationController(TrackedApplicationService applications) {
        this.applications = applications;
    }

    /** 404 alike for an application not (yet) known here and for another user's. */
    @GetMapping("/api/prep/applications/{applicationId}")
    TrackedApplicationResponse get(@Parameter(hidden = true) CurrentUser user, @PathVariable UUID applicationId) {
        return applications.find(user.id(), applicationId).map(TrackedApplicationResponse::of)
                .orElseThrow(() -> new ResourceNotFoundException("application", applicationId));
    }
}
