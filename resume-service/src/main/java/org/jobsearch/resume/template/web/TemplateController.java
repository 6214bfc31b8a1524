package org.jobsearch.resume.template.web;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import org.jobsearch.identity.CurrentUser;
import org.jobsearch.resume.template.InvalidTemplateException;
import org.jobsearch.resume.template.TemplateInput;
import org.jobsearch.resume.template.TemplateReadOnlyException;
import org.jobsearch.resume.template.TemplateService;
import org.jobsearch.resume.template.TemplateView;
import org.jobsearch.rest.InvalidField;
import org.jobsearch.rest.ProblemDetailsAdvice;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Resume templates: the built-ins (read-only) and the caller's own, validated when uploaded. */
@RestController
@RequestMapping("/api/resumes/templates")
class TemplateController {

    private final TemplateService templates;

    TemplateController(TemplateService templates) {
        this.templates = templates;
    }

    @GetMapping
    List<TemplateView> list(@Parameter(hidden = true) CurrentUser user) {
        return templates.list(user.id());
    }

    @PostMapping
    ResponseEntity<TemplateView> create(@Parameter(hidden = true) CurrentUser user,
                                        @Valid @RequestBody TemplateInput input) {
        TemplateView template = templates.create(user.id(), input);
        return ResponseEntity.created(URI.create("/api/resumes/templates/" + template.id())).body(template);
    }

    @GetMapping("/{id}")
    TemplateView get(@Parameter(hidden = true) CurrentUser user, @PathVariable UUID id) {
        return templates.get(user.id(), id);
    }

    @PutMapping("/{id}")
    TemplateView update(@Parameter(hidden = true) CurrentUser user, @PathVariable UUID id,
                        @Valid @RequestBody TemplateInput input) {
        return templates.update(user.id(), id, input);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@Parameter(hidden = true) CurrentUser user, @PathVariable UUID id) {
        templates.delete(user.id(), id);
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(InvalidTemplateException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidTemplateException e) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setTitle("Invalid template");
        problem.setDetail("The template cannot be used: " + e.problems().stream()
                .map(p -> p.pointer() + " " + p.detail()).collect(Collectors.joining("; ")));
        problem.setProperty(ProblemDetailsAdvice.ERRORS, e.problems().stream()
                .map(p -> InvalidField.atPointer(p.pointer(), p.detail())).toList());
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(TemplateReadOnlyException.class)
    ResponseEntity<ProblemDetail> readOnly(TemplateReadOnlyException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("Built-in template");
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
    }
}
