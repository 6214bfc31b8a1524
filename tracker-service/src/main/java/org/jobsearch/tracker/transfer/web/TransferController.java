package org.jobsearch.tracker.transfer.web;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletResponse;
import org.jobsearch.identity.CurrentUser;
import org.jobsearch.rest.InvalidField;
import org.jobsearch.rest.ProblemDetailsAdvice;
import org.jobsearch.tracker.transfer.ExportService;
import org.jobsearch.tracker.transfer.ImportRefusedException;
import org.jobsearch.tracker.transfer.ImportReport;
import org.jobsearch.tracker.transfer.ImportService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** Importing a spreadsheet of applications, and exporting everything the signed-in user owns. */
@RestController
class TransferController {

    /** The most a CSV body may have (the multipart limit is spring.servlet.multipart.max-file-size). */
    static final int MAX_BYTES = 2 * 1024 * 1024;
    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final ImportService imports;
    private final ExportService exports;

    TransferController(ImportService imports, ExportService exports) {
        this.imports = imports;
        this.exports = exports;
    }

    /** Imports a CSV body; {@code dryRun} (default true) reports without importing. */
    @PostMapping(value = "/api/tracker/imports", consumes = "text/csv")
    ImportReport importBody(@Parameter(hidden = true) CurrentUser user,
                            @RequestParam(defaultValue = "true") boolean dryRun,
                            @RequestParam(required = false) String zone,
                            @RequestBody byte[] body) {
        if (body.length > MAX_BYTES) {
            throw new TooLarge();
        }
        return imports.importCsv(user.id(), new StringReader(new String(body, StandardCharsets.UTF_8)), zone(zone),
                dryRun);
    }

    /** Imports the CSV file sent as the multipart part {@code file}. */
    @PostMapping(value = "/api/tracker/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportReport importFile(@Parameter(hidden = true) CurrentUser user,
                            @RequestParam(defaultValue = "true") boolean dryRun,
                            @RequestParam(required = false) String zone,
                            @RequestPart("file") MultipartFile file) throws IOException {
        if (file.getSize() > MAX_BYTES) {
            throw new TooLarge();
        }
        try (InputStream in = file.getInputStream(); Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return imports.importCsv(user.id(), reader, zone(zone), dryRun);
        }
    }

    /** The caller's applications with their jobs, in the columns import reads. */
    @GetMapping(value = "/api/tracker/exports/applications.csv", produces = "text/csv")
    void applicationsCsv(@Parameter(hidden = true) CurrentUser user, HttpServletResponse response) throws IOException {
        response.setContentType(TEXT_CSV.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"applications.csv\"");
        try (Writer out = response.getWriter()) {
            exports.applicationsCsv(user.id(), out);
        }
    }

    /** Every row the caller owns: jobs, requirements, contracts, resume versions, applications, history, ... */
    @GetMapping(value = "/api/tracker/exports/all.json", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> everything(@Parameter(hidden = true) CurrentUser user) {
        return exports.everything(user.id());
    }

    private static ZoneId zone(String zone) {
        try {
            return zone == null || zone.isBlank() ? ZoneId.of("UTC") : ZoneId.of(zone.trim());
        } catch (DateTimeException e) {
            throw new BadZone();
        }
    }

    @ExceptionHandler(ImportRefusedException.class)
    ProblemDetail refused(ImportRefusedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setTitle("File cannot be imported");
        return problem;
    }

    @ExceptionHandler(TooLarge.class)
    ProblemDetail tooLarge() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "The file is larger than " + MAX_BYTES / (1024 * 1024) + " MB; split it");
        problem.setTitle("File too large");
        return problem;
    }

    @ExceptionHandler(BadZone.class)
    ProblemDetail badZone() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request is invalid: zone must be a time zone such as Europe/Berlin or UTC");
        problem.setTitle("Invalid request");
        problem.setProperty(ProblemDetailsAdvice.ERRORS,
                List.of(InvalidField.atParameter("zone", "must be a time zone such as Europe/Berlin or UTC")));
        return problem;
    }

    private static final class TooLarge extends RuntimeException {
    }

    private static final class BadZone extends RuntimeException {
    }
}
