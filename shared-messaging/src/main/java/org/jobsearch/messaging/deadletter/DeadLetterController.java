package org.jobsearch.messaging.deadletter;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin API over this service's dead letters, at {@code jobsearch.messaging.dead-letters.base-path}
 * (each service puts it under its own {@code /api/<area>/admin/}). Parameter constraints are checked by
 * Spring MVC's built-in method validation, which answers 400 naming the parameter.
 */
@RestController
@RequestMapping("${jobsearch.messaging.dead-letters.base-path:/admin/dead-letters}")
public class DeadLetterController {

    private final DeadLetterService service;

    DeadLetterController(DeadLetterService service) {
        this.service = service;
    }

    @GetMapping
    public DeadLetterService.Page list(
            @RequestParam(required = false) @Pattern(regexp = "pending|replayed", message = "must be pending or replayed") String status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return service.list(status, page, size);
    }

    @GetMapping("/{id}")
    public ResponseEntity<?> get(@PathVariable long id) {
        return service.find(id).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> notFound(id));
    }

    /** 200 when the listener succeeded on the record this time, 409 with the error when it failed again. */
    @PostMapping("/{id}/replay")
    public ResponseEntity<?> replay(@PathVariable long id) {
        return service.replay(id).<ResponseEntity<?>>map(result -> {
            if (result.succeeded()) {
                return ResponseEntity.ok(result);
            }
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, result.error());
            problem.setTitle("Replay failed");
            problem.setProperty("deadLetterId", id);
            return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
        }).orElseGet(() -> notFound(id));
    }

    @PostMapping("/replay")
    public DeadLetterService.ReplaySummary replayAll() {
        return service.replayAll();
    }

    private static ResponseEntity<?> notFound(long id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no dead letter with id " + id);
        problem.setTitle("Dead letter not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }
}
