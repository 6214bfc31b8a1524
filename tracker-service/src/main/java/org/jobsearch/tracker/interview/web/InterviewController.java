package org.jobsearch.tracker.interview.web;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.jobsearch.identity.CurrentUser;
import org.jobsearch.rest.PageResponse;
import org.jobsearch.rest.ResourceNotFoundException;
import org.jobsearch.tracker.interview.InterviewRefusedException;
import org.jobsearch.tracker.interview.InterviewService;
import org.jobsearch.tracker.interview.InterviewStage;
import org.jobsearch.tracker.interview.InterviewView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/**
 * The interviews of the signed-in user's applications. Scheduling needs the application in {@code callback} with its
 * interview process open (409 otherwise); every change publishes {@code InterviewScheduled}.
 */
@RestController
class InterviewController {

    static final String OF_APPLICATION = "/api/tracker/applications/{applicationId}/interviews";
    static final String ONE = OF_APPLICATION + "/{interviewId}";

    private final InterviewService interviews;

    InterviewController(InterviewService interviews) {
        this.interviews = interviews;
    }

    /** 201 with the interview; publishes {@code InterviewScheduled} with {@code change: scheduled}. */
    @PostMapping(OF_APPLICATION)
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<InterviewView> schedule(@Parameter(hidden = true) CurrentUser user,
                                           @PathVariable UUID applicationId,
                                           @Valid @RequestBody InterviewRequest request) {
        InterviewView scheduled = interviews.schedule(user.id(), applicationId, request.toDetails())
                .orElseThrow(() -> new ResourceNotFoundException("application", applicationId));
        return ResponseEntity.created(URI.create("/api/tracker/applications/" + applicationId + "/interviews/"
                + scheduled.id())).body(scheduled);
    }

    /** Every interview of the application, cancelled ones included, soonest first. */
    @GetMapping(OF_APPLICATION)
    PageResponse<InterviewView> ofApplication(@Parameter(hidden = true) CurrentUser user,
                                              @PathVariable UUID applicationId,
                                              @RequestParam(defaultValue = "0") @Min(0) int page,
                                              @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return PageResponse.of(interviews.ofApplication(user.id(), applicationId, page, size)
                .orElseThrow(() -> new ResourceNotFoundException("application", applicationId)), view -> view);
    }

    @GetMapping(ONE)
    InterviewView get(@Parameter(hidden = true) CurrentUser user, @PathVariable UUID applicationId,
                      @PathVariable UUID interviewId) {
        return interviews.find(user.id(), applicationId, interviewId)
                .orElseThrow(() -> new ResourceNotFoundException("interview", interviewId));
    }

    /**
     * Replaces the interview's details; publishes {@code change: rescheduled} when anything but the notes changed.
     * 409 for a cancelled interview.
     */
    @PutMapping(ONE)
    InterviewView reschedule(@Parameter(hidden = true) CurrentUser user, @PathVariable UUID applicationId,
                             @PathVariable UUID interviewId, @Valid @RequestBody InterviewRequest request) {
        return interviews.reschedule(user.id(), applicationId, interviewId, request.toDetails())
                .orElseThrow(() -> new ResourceNotFoundException("interview", interviewId));
    }

    /**
     * Cancels the interview, which stays listed with {@code cancelledAt}; publishes {@code change: cancelled} the
     * first time.
     */
    @PostMapping(ONE + "/cancel")
    InterviewView cancel(@Parameter(hidden = true) CurrentUser user, @PathVariable UUID applicationId,
                         @PathVariable UUID interviewId) {
        return interviews.cancel(user.id(), applicationId, interviewId)
                .orElseThrow(() -> new ResourceNotFoundException("interview", interviewId));
    }

    /** The user's interviews still to come (cancelled ones left out), soonest first, optionally of one stage. */
    @GetMapping("/api/tracker/interviews/upcoming")
    PageResponse<InterviewView> upcoming(@Parameter(hidden = true) CurrentUser user,
                                         @RequestParam(required = false)
                                         @Pattern(regexp = InterviewStage.PATTERN,
                                                 message = InterviewStage.PATTERN_MESSAGE) String stage,
                                         @RequestParam(defaultValue = "0") @Min(0) int page,
                                         @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return PageResponse.of(interviews.upcoming(user.id(), stage == null ? null : InterviewStage.of(stage), page,
                size), view -> view);
    }

    @ExceptionHandler(InterviewRefusedException.class)
    ProblemDetail refused(InterviewRefusedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Interview not allowed");
        problem.setProperty("currentStatus", e.currentStatus());
        return problem;
    }
}
