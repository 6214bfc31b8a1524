package org.jobsearch.resume.generation.web;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jobsearch.identity.CurrentUser;
import org.jobsearch.llm.LlmFailure;
import org.jobsearch.resume.generation.InvalidResumeRequestException;
import org.jobsearch.resume.generation.ItemEdit;
import org.jobsearch.resume.generation.NewResume;
import org.jobsearch.resume.generation.ResumeNotPossibleException;
import org.jobsearch.resume.generation.ResumeService;
import org.jobsearch.resume.generation.ResumeStateException;
import org.jobsearch.resume.generation.ResumeView;
import org.jobsearch.resume.job.JobService;
import org.jobsearch.resume.job.JobView;
import org.jobsearch.resume.job.ListingNotFoundException;
import org.jobsearch.resume.job.NewJob;
import org.jobsearch.resume.render.ResumeTooLongException;
import org.jobsearch.rest.InvalidField;
import org.jobsearch.rest.PageResponse;
import org.jobsearch.rest.ProblemDetailsAdvice;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Resumes: start one from a JD or listing (queued, run step by step), list and read them with their pipeline status,
 * retry a failed step, edit bullets and skills lines, re-render as a new version, download any version's PDF.
 */
@RestController
@RequestMapping("/api/resumes")
class ResumeController {

    private final ResumeService resumes;
    private final JobService jobs;

    ResumeController(ResumeService resumes, JobService jobs) {
        this.resumes = resumes;
        this.jobs = jobs;
    }

    /**
     * {@code generate} (default true): 202, the resume queued for parse → write → render; {@code false}: the JD is
     * parsed now and the job answered with 201, as {@code POST /api/resumes/jobs} does.
     */
    @PostMapping
    ResponseEntity<?> create(@Parameter(hidden = true) CurrentUser user, @Valid @RequestBody ResumeRequest request) {
        String jdText = request.listingId() == null ? request.jdText() : null;
        if (Boolean.FALSE.equals(request.generate())) {
            JobView job = jobs.create(user.id(), new NewJob(jdText, request.listingId(), request.source(), null));
            return ResponseEntity.created(URI.create("/api/resumes/jobs/" + job.id())).body(job);
        }
        ResumeView resume = resumes.request(user.id(), new NewResume(jdText, request.listingId(), request.source(),
                request.template(), null));
        return ResponseEntity.accepted().location(URI.create("/api/resumes/" + resume.id())).body(resume);
    }

    /** The caller's resumes, newest first. */
    @GetMapping
    PageResponse<ResumeView.Summary> list(@Parameter(hidden = true) CurrentUser user,
                                          @RequestParam(defaultValue = "0") @Min(0) int page,
                                          @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return resumes.list(user.id(), page, size);
    }

    /** Writes and renders the next version of an already parsed job's resume right away. */
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

    /** Runs a failed resume again from its failed step. */
    @PostMapping("/{resumeId}/retry")
    ResponseEntity<ResumeView> retry(@Parameter(hidden = true) CurrentUser user, @PathVariable UUID resumeId) {
        return ResponseEntity.accepted().location(URI.create("/api/resumes/" + resumeId))
                .body(resumes.retry(user.id(), resumeId));
    }

    /**
     * {@code {exclude?: boolean, overrideText?: string|null}}: a field left out stays as it is; an empty or null
     * {@code overrideText} clears it.
     */
    /**
     * The edit of one bullet or skills line, as the OpenAPI document shows it. The body is read as a JSON tree because
     * an absent {@code overrideText} (leave it) and {@code null} (clear it) mean different things.
     */
    @Schema(name = "ItemEditRequest")
    record ItemEditDocument(@Schema(description = "leave the item out of the next render") Boolean exclude,
                            @Schema(description = "text printed instead of the generated one; null or empty clears it",
                                    maxLength = 300, nullable = true) String overrideText) {
    }

    @PatchMapping("/{resumeId}/items/{itemId}")
    ResumeView edit(@Parameter(hidden = true) CurrentUser user, @PathVariable UUID resumeId,
                    @PathVariable @Size(max = 20) String itemId,
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = ItemEditDocument.class)))
                    @RequestBody JsonNode body) {
        if (!body.isObject()) {
            throw new InvalidResumeRequestException("", "must be a JSON object");
        }
        JsonNode exclude = body.get("exclude");
        if (exclude != null && !exclude.isNull() && !exclude.isBoolean()) {
            throw new InvalidResumeRequestException("/exclude", "must be true or false");
        }
        JsonNode override = body.get("overrideText");
        if (override != null && !override.isNull() && !override.isString()) {
            throw new InvalidResumeRequestException("/overrideText", "must be a string or null");
        }
        return resumes.edit(user.id(), resumeId, itemId, new ItemEdit(
                exclude == null || exclude.isNull() ? null : exclude.asBoolean(),
                override == null || override.isNull() ? null : override.asString(), override != null));
    }

    /** Re-renders the current content with its edits as a new version. */
    @PostMapping("/{resumeId}/versions")
    ResponseEntity<ResumeView> rerender(@Parameter(hidden = true) CurrentUser user, @PathVariable UUID resumeId) {
        int version = resumes.rerender(user.id(), resumeId);
        return ResponseEntity.created(URI.create("/api/resumes/" + resumeId + "/versions/" + version))
                .body(resumes.get(user.id(), resumeId));
    }

    @GetMapping(value = {"/{resumeId}/versions/{version}/pdf", "/{resumeId}/versions/{version}"},
            produces = MediaType.APPLICATION_PDF_VALUE)
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
        problem.setProperty("reason", e.reason());
        return ResponseEntity.unprocessableContent().body(problem);
    }

    @ExceptionHandler(ResumeTooLongException.class)
    ResponseEntity<ProblemDetail> tooLong(ResumeTooLongException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setTitle("Resume does not fit one page");
        problem.setProperty("pages", e.pages());
        problem.setProperty("reason", "TOO_LONG");
        return ResponseEntity.unprocessableContent().body(problem);
    }

    @ExceptionHandler(ResumeStateException.class)
    ResponseEntity<ProblemDetail> state(ResumeStateException e) {
        HttpStatus status = e.conflict() ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle(e.conflict() ? "Resume has not failed" : "Resume is not done yet");
        problem.setProperty("status", e.status());
        return ResponseEntity.status(status).body(problem);
    }

    @ExceptionHandler(InvalidResumeRequestException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidResumeRequestException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request is invalid: " + e.pointer() + " " + e.getMessage());
        problem.setTitle("Invalid request");
        problem.setProperty(ProblemDetailsAdvice.ERRORS, List.of(InvalidField.atPointer(e.pointer(), e.getMessage())));
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(ListingNotFoundException.class)
    ResponseEntity<ProblemDetail> unknownListing(ListingNotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setTitle("Unknown listing");
        problem.setProperty(ProblemDetailsAdvice.ERRORS, List.of(InvalidField.atPointer("/listingId", e.getMessage())));
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(problem);
    }

    /** Parse-only requests and the synchronous generation call the model in the request. */
    @ExceptionHandler(LlmFailure.class)
    ResponseEntity<ProblemDetail> modelFailed(LlmFailure e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY,
                "The model gave no usable answer: " + e.reason());
        problem.setTitle("Model call failed");
        problem.setProperty("reason", e.reason().name());
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(problem);
    }

    /** @param template a built-in's key or a template id; left out, the job's parse decides */
    record GenerateRequest(@Size(max = 100) String template) {
    }
}
