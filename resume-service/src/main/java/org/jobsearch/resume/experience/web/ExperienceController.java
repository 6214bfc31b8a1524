package org.jobsearch.resume.experience.web;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import org.jobsearch.identity.CurrentUser;
import org.jobsearch.resume.experience.ContactProfile;
import org.jobsearch.resume.experience.ExperienceBase;
import org.jobsearch.resume.experience.ExperienceService;
import org.jobsearch.resume.experience.InvalidExperienceException;
import org.jobsearch.rest.InvalidField;
import org.jobsearch.rest.ProblemDetailsAdvice;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.stream.Collectors;

/**
 * The caller's experience base and contact profile. Documents larger than {@code jobsearch.resume.max-import-bytes}
 * are refused by {@link ImportSizeLimitFilter} before they are read.
 */
@RestController
@RequestMapping("/api/resumes")
class ExperienceController {

    private final ExperienceService experience;

    ExperienceController(ExperienceService experience) {
        this.experience = experience;
    }

    @GetMapping("/profile")
    ContactProfile profile(@Parameter(hidden = true) CurrentUser user) {
        return experience.profile(user.id());
    }

    @PutMapping("/profile")
    ContactProfile replaceProfile(@Parameter(hidden = true) CurrentUser user,
                                  @Valid @RequestBody ContactProfile profile) {
        return experience.replaceProfile(user.id(), profile);
    }

    /** The whole base (with the contact profile, when one was saved): the export format PUT accepts back. */
    @GetMapping("/experience")
    ExperienceBase base(@Parameter(hidden = true) CurrentUser user) {
        return experience.base(user.id());
    }

    /** Replaces the whole base atomically; a {@code contact} in the document replaces the profile too. */
    @PutMapping("/experience")
    ExperienceBase replace(@Parameter(hidden = true) CurrentUser user, @Valid @RequestBody ExperienceBase base) {
        return experience.replace(user.id(), base);
    }

    /** A JSON Resume document (jsonresume.org) mapped onto the base, replacing it; see {@code JsonResumeMapper}. */
    @PostMapping("/experience/import/json-resume")
    ExperienceBase importJsonResume(@Parameter(hidden = true) CurrentUser user,
                                    @Valid @RequestBody org.jobsearch.resume.experience.JsonResume document) {
        return experience.importJsonResume(user.id(), document);
    }

    @ExceptionHandler(InvalidExperienceException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidExperienceException e) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setTitle("Invalid request");
        problem.setDetail("The request is invalid: " + e.problems().stream()
                .map(p -> p.pointer() + " " + p.detail()).collect(Collectors.joining("; ")));
        problem.setProperty(ProblemDetailsAdvice.ERRORS, e.problems().stream()
                .map(p -> InvalidField.atPointer(p.pointer(), p.detail())).toList());
        return ResponseEntity.badRequest().body(problem);
    }
}
