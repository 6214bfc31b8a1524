package org.jobsearch.tracker.settings.web;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import org.jobsearch.identity.CurrentUser;
import org.jobsearch.rest.InvalidField;
import org.jobsearch.rest.ProblemDetailsAdvice;
import org.jobsearch.tracker.settings.SettingsInputException;
import org.jobsearch.tracker.settings.SettingsService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The signed-in user's dashboard settings: location groups and salary buckets. */
@RestController
class SettingsController {

    private final SettingsService settings;

    SettingsController(SettingsService settings) {
        this.settings = settings;
    }

    /** The caller's settings; the reference's defaults until they save their own. */
    @GetMapping("/api/tracker/settings")
    SettingsRequest find(@Parameter(hidden = true) CurrentUser user) {
        return SettingsRequest.of(settings.find(user.id()));
    }

    /** Replaces the caller's settings; 400 for an invalid member, 422 for a name or city used twice. */
    @PutMapping("/api/tracker/settings")
    SettingsRequest replace(@Parameter(hidden = true) CurrentUser user, @Valid @RequestBody SettingsRequest request) {
        return SettingsRequest.of(settings.replace(user.id(), request.toSettings()));
    }

    @ExceptionHandler(SettingsInputException.class)
    ProblemDetail unusable(SettingsInputException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                e.pointer() + " " + e.getMessage());
        problem.setTitle("Unprocessable request");
        problem.setProperty(ProblemDetailsAdvice.ERRORS, List.of(InvalidField.atPointer(e.pointer(), e.getMessage())));
        return problem;
    }
}
