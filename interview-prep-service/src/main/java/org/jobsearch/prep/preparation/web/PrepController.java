package org.jobsearch.prep.preparation.web;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jobsearch.identity.CurrentUser;
import org.jobsearch.prep.application.TrackedApplicationView;
import org.jobsearch.prep.preparation.GenerationView;
import org.jobsearch.prep.preparation.InterviewView;
import org.jobsearch.prep.preparation.PrepDocumentView;
import org.jobsearch.prep.preparation.PrepPage;
import org.jobsearch.prep.preparation.PrepSection;
import org.jobsearch.prep.preparation.PreparationService;
import org.jobsearch.rest.ResourceNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The prep page of an application and what the user does on it. 404 alike for unknown and other users' ids. */
@RestController
class PrepController {

    private final PreparationService preparation;

    PrepController(PreparationService preparation) {
        this.preparation = preparation;
    }

    /**
     * The application as tracker announced it, its base prep, its interviews with their preps (latest versions) and
     * the latest generation of each.
     */
    record PrepPageResponse(UUID applicationId, UUID jobId, String company, String title, String status,
                            Instant changedAt, PrepDocumentView base, List<PrepPage.InterviewPrep> interviews,
                            List<GenerationView> generations) {
    }

    record SectionEdit(@NotNull @Size(max = 200_000) String markdown) {
    }

    record Debrief(@Size(max = 20_000) String questionsAsked, @Size(max = 20_000) String selfReflection) {
    }

    @GetMapping("/api/prep/applications/{applicationId}")
    PrepPageResponse page(@Parameter(hidden = true) CurrentUser user, @PathVariable UUID applicationId) {
        TrackedApplicationView app = preparation.application(user.id(), applicationId)
                .orElseThrow(() -> new ResourceNotFoundException("application", applicationId));
        PrepPage page = preparation.page(user.id(), applicationId)
                .orElseThrow(() -> new ResourceNotFoundException("application", applicationId));
        return new PrepPageResponse(app.applicationId(), app.jobId(), app.company(), app.title(), app.status(),
                app.changedAt(), page.base(), page.interviews(), page.generations());
    }

    @PostMapping("/api/prep/applications/{applicationId}/base/regenerate")
    @ResponseStatus(HttpStatus.ACCEPTED)
    GenerationView regenerateBase(@Parameter(hidden = true) CurrentUser user, @PathVariable UUID applicationId) {
        return preparation.regenerateBase(user.id(), applicationId)
                .orElseThrow(() -> new ResourceNotFoundException("application", applicationId));
    }

    @GetMapping("/api/prep/applications/{applicationId}/base/versions")
    List<PrepDocumentView> baseVersions(@Parameter(hidden = true) CurrentUser user, @PathVariable UUID applicationId) {
        return preparation.baseVersions(user.id(), applicationId)
                .orElseThrow(() -> new ResourceNotFoundException("application", applicationId));
    }

    /** A new version with the section replaced, marked edited. */
    @PutMapping("/api/prep/applications/{applicationId}/base/sections/{section}")
    PrepDocumentView editBase(@Parameter(hidden = true) CurrentUser user, @PathVariable UUID applicationId,
                              @PathVariable String section, @Valid @RequestBody SectionEdit edit) {
        return preparation.editBase(user.id(), applicationId, section(section, true), edit.markdown())
                .orElseThrow(() -> new ResourceNotFoundException("base prep", applicationId));
    }

    @PostMapping("/api/prep/interviews/{interviewId}/regenerate")
    @ResponseStatus(HttpStatus.ACCEPTED)
    GenerationView regenerateInterview(@Parameter(hidden = true) CurrentUser user, @PathVariable UUID interviewId) {
        return preparation.regenerateInterview(user.id(), interviewId)
                .orElseThrow(() -> new ResourceNotFoundException("interview", interviewId));
    }

    @GetMapping("/api/prep/interviews/{interviewId}/versions")
    List<PrepDocumentView> interviewVersions(@Parameter(hidden = true) CurrentUser user,
                                             @PathVariable UUID interviewId) {
        return preparation.interviewVersions(user.id(), interviewId)
                .orElseThrow(() -> new ResourceNotFoundException("interview", interviewId));
    }

    @PutMapping("/api/prep/interviews/{interviewId}/sections/{section}")
    PrepDocumentView editInterview(@Parameter(hidden = true) CurrentUser user, @PathVariable UUID interviewId,
                                   @PathVariable String section, @Valid @RequestBody SectionEdit edit) {
        return preparation.editInterview(user.id(), interviewId, section(section, false), edit.markdown())
                .orElseThrow(() -> new ResourceNotFoundException("interview prep", interviewId));
    }

    /** Questions asked and self-reflection; they feed the preps of the application's later interviews. */
    @PutMapping("/api/prep/interviews/{interviewId}/debrief")
    InterviewView debrief(@Parameter(hidden = true) CurrentUser user, @PathVariable UUID interviewId,
                          @Valid @RequestBody Debrief debrief) {
        return preparation.debrief(user.id(), interviewId, debrief.questionsAsked(), debrief.selfReflection())
                .orElseThrow(() -> new ResourceNotFoundException("interview", interviewId));
    }

    private static PrepSection section(String key, boolean base) {
        return PrepSection.byKey(key).filter(s -> s.isBase() == base).orElseThrow(() -> {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "No section '" + key
                    + "' in " + (base ? "the base prep" : "an interview's prep") + "; sections: "
                    + PrepSection.of(base).stream().map(PrepSection::key).toList());
            problem.setTitle("Unknown section");
            return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        });
    }
}
