package org.jobsearch.tracker.application.web;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jobsearch.identity.CurrentUser;
import org.jobsearch.rest.PageResponse;
import org.jobsearch.rest.ResourceNotFoundException;
import org.jobsearch.tracker.application.ApplicationService;
import org.jobsearch.tracker.application.ApplicationView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/** The signed-in user's applications. */
@RestController
@RequestMapping(ApplicationController.PATH)
class ApplicationController {

    static final String PATH = "/api/tracker/applications";

    private final ApplicationService applications;

    ApplicationController(ApplicationService applications) {
        this.applications = applications;
    }

    /** 201 with the application; {@code Location} is gateway-relative (the gateway keeps paths as they are). */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<ApplicationResponse> create(@Parameter(hidden = true) CurrentUser user,
                                               @Valid @RequestBody CreateApplicationRequest request) {
        ApplicationView created = applications.submit(user.id(), request.toCommand());
        return ResponseEntity.created(URI.create(PATH + "/" + created.id())).body(ApplicationResponse.of(created));
    }

    /** Newest first. */
    @GetMapping
    PageResponse<ApplicationResponse> list(@Parameter(hidden = true) CurrentUser user,
                                           @RequestParam(defaultValue = "0") @Min(0) int page,
                                           @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return PageResponse.of(applications.list(user.id(), page, size), ApplicationResponse::of);
    }

    /** 404 alike for an unknown id and another user's application. */
    @GetMapping("/{id}")
    ApplicationResponse get(@Parameter(hidden = true) CurrentUser user, @PathVariable UUID id) {
        return applications.find(user.id(), id).map(ApplicationResponse::of)
                .orElseThrow(() -> new ResourceNotFoundException("application", id));
    }
}
