package org.jobsearch.tracker.application.web;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jobsearch.identity.CurrentUser;
import org.jobsearch.rest.InvalidField;
import org.jobsearch.rest.PageResponse;
import org.jobsearch.rest.ProblemDetailsAdvice;
import org.jobsearch.rest.ResourceNotFoundException;
import org.jobsearch.tracker.application.ApplicationInputException;
import org.jobsearch.tracker.application.ApplicationService;
import org.jobsearch.tracker.application.ApplicationStateException;
import org.jobsearch.tracker.application.ApplicationView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** The signed-in user's applications, their status history and the outcome of their interview process. */
@RestController
@RequestMapping(ApplicationController.PATH)
class ApplicationController {

    static final String PATH = "/api/tracker/applications";

    private final ApplicationService applications;

    ApplicationController(ApplicationService applications) {
        this.applications = applications;
    }

    /**
     * 201 with the application; {@code Location} is gateway-relative (the gateway keeps paths as they are). 422 if
     * {@code jobId} is not one of the user's jobs, 409 if that job already has its application.
     */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<ApplicationResponse> create(@Parameter(hidden = true) CurrentUser user,
                                               @Valid @RequestBody CreateApplicationRequest request) {
        ApplicationView created = applications.apply(user.id(), request.toCommand());
        return ResponseEntity.created(URI.create(PATH + "/" + created.id())).body(ApplicationResponse.of(created));
    }

    /** Newest first, without history. */
    @GetMapping
    PageResponse<ApplicationResponse> list(@Parameter(hidden = true) CurrentUser user,
                                           @RequestParam(defaultValue = "0") @Min(0) int page,
                                           @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return PageResponse.of(applications.list(user.id(), page, size), ApplicationResponse::of);
    }

    /** With its status history; 404 alike for an unknown id and another user's application. */
    @GetMapping("/{id}")
    ApplicationResponse get(@Parameter(hidden = true) CurrentUser user, @PathVariable UUID id) {
        return applications.find(user.id(), id).map(ApplicationResponse::of)
                .orElseThrow(() -> new ResourceNotFoundException("application", id));
    }

    /**
     * Changes the screening status and publishes {@code ApplicationStatusChanged}. {@code no_response} may become
     * {@code callback}, {@code rejected} or {@code closed}; those are final (after a callback, record the outcome).
     * 409 naming {@code currentStatus} and {@code requestedStatus} otherwise.
     */
    @PostMapping("/{id}/status")
    ApplicationResponse changeStatus(@Parameter(hidden = true) CurrentUser user, @PathVariable UUID id,
                                     @Valid @RequestBody ChangeStatusRequest request) {
        return applications.changeStatus(user.id(), id, request.status(), request.changedAt())
                .map(ApplicationResponse::of)
                .orElseThrow(() -> new ResourceNotFoundException("application", id));
    }

    /** Edits what can change after applying: the desired salary. 404 alike for unknown and others' applications. */
    @PatchMapping("/{id}")
    ApplicationResponse update(@Parameter(hidden = true) CurrentUser user, @PathVariable UUID id,
                               @Valid @RequestBody UpdateApplicationRequest request) {
        return applications.changeDesiredSalary(user.id(), id, request.desiredSalary())
                .map(ApplicationResponse::of)
                .orElseThrow(() -> new ResourceNotFoundException("application", id));
    }

    /** Records or corrects how the interview process ended; 409 unless the application had a callback. */
    @PutMapping("/{id}/outcome")
    ApplicationResponse recordOutcome(@Parameter(hidden = true) CurrentUser user, @PathVariable UUID id,
                                      @Valid @RequestBody OutcomeRequest request) {
        return applications.recordOutcome(user.id(), id, request.toOutcome())
                .map(ApplicationResponse::of)
                .orElseThrow(() -> new ResourceNotFoundException("application", id));
    }

    @ExceptionHandler(ApplicationStateException.class)
    ProblemDetail stateConflict(ApplicationStateException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle(e.title());
        problem.setProperty("currentStatus", e.currentStatus());
        if (e.requestedStatus() != null) {
            problem.setProperty("requestedStatus", e.requestedStatus());
        }
        return problem;
    }

    @ExceptionHandler(ApplicationInputException.class)
    ProblemDetail unusableInput(ApplicationInputException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                e.conflict() ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT,
                e.pointer() + " " + e.getMessage());
        problem.setTitle(e.conflict() ? "Conflicting request" : "Unprocessable request");
        problem.setProperty(ProblemDetailsAdvice.ERRORS, List.of(InvalidField.atPointer(e.pointer(), e.getMessage())));
        return problem;
    }
}
