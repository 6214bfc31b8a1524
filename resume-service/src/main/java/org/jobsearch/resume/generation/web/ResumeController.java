package org.jobsearch.resume.generation.web;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.jobsearch.identity.CurrentUser;
import org.jobsearch.resume.generation.ResumeNotPossibleException;
import org.jobsearch.resume.generation.ResumeService;
import org.jobsearch.resume.generation.ResumeView;
import org.jobsearch.resume.render.ResumeTooLongException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Resumes for parsed jobs: generate a version, read it with its coverage, download any version's PDF. */
@RestController
@RequestMapping("/api/resumes")
class ResumeController {

    private final ResumeService resumes;

    ResumeController(ResumeService resumes) {
        this.resumes = resumes;
    }

    /** Writes (offline today) and renders the next version of the job's resume; publishes {@code ResumeRendered}. */
    @PostMapping("/jobs/{jobId}/resumes")
    ResponseEntity<ResumeView> generate(@Parameter(hidden = true) CurrentUser user, @PathVariable UUID jobId,
                                        @Valid @RequestBody(required = false) GenerateRequest request) {
        ResumeView resume = resumes.generate(user.id(), jobId, request == null ? null : request.template());
        return ResponseEntity.created(URI.create("/api/resumes/" + resume.id())).body(resume);
    }

    @GetMapping("/{resumeId}")
    ResumeView get(@Parameter(hidden = true) CurrentUser user, @PathVariable UUID resumeId) {
        return resumes.get(user.id(), resumeId);
    }

    @GetMapping(value = "/{resumeId}/versions/{version}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(@Parameter(hidden = true) CurrentUser user, @PathVariable UUID resumeId,
                               @PathVariable int version) {
        ResumeService.Pdf pdf = resumes.pdf(user.id(), resumeId, version);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(pdf.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(pdf.bytes());
    }

    @ExceptionHandler(ResumeNotPossibleException.class)
    ResponseEntity<ProblemDetail> notPossible(ResumeNotPossibleException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setTitle("Resume cannot be generated yet");
        problem.setProperty("missing", e.missing());
        return ResponseEntity.unprocessableContent().body(problem);
    }

    @ExceptionHandler(ResumeTooLongException.class)
    ResponseEntity<ProblemDetail> tooLong(ResumeTooLongException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setTitle("Resume does not fit one page");
        problem.setProperty("pages", e.pages());
        return ResponseEntity.unprocessableContent().body(problem);
    }

    /** @param template {@code engineer} or {@code analyst}; left out, the job's role decides */
    record GenerateRequest(@Pattern(regexp = "engineer|analyst") String template) {
    }
}
