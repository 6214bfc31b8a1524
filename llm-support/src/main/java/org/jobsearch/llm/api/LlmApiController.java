package org.jobsearch.llm.api;

import io.swagger.v3.oas.annotations.Parameter;
import org.jobsearch.identity.CurrentUser;
import org.jobsearch.llm.CostLedger;
import org.jobsearch.llm.LlmClient;
import org.jobsearch.llm.LlmProperties;
import org.jobsearch.rest.InvalidField;
import org.jobsearch.rest.ProblemDetailsAdvice;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The caller's view of this service's LLM use, at {@code jobsearch.llm.api.base-path} (each service
 * puts it under its own {@code /api/<area>/llm}): the provider and budget, and the spend the cost page
 * shows. Only the caller's ledger rows are ever read.
 */
@RestController
@RequestMapping("${jobsearch.llm.api.base-path}")
class LlmApiController {

    /** A longer period would make the per-day list (and the query) unbounded. */
    static final int MAX_DAYS = 366;
    static final int DEFAULT_DAYS = 30;

    private final LlmClient llm;
    private final LlmProperties properties;
    private final CostLedger ledger;
    private final CostReportQuery costs;
    private final Clock clock;

    LlmApiController(LlmClient llm, LlmProperties properties, CostLedger ledger, CostReportQuery costs, Clock clock) {
        this.llm = llm;
        this.properties = properties;
        this.ledger = ledger;
        this.costs = costs;
        this.clock = clock;
    }

    /** The provider and model in use, and the caller's budget for this calendar month (UTC). */
    @GetMapping("/status")
    LlmStatus status(@Parameter(hidden = true) CurrentUser user) {
        BigDecimal limit = properties.budget().monthlyUsd();
        BigDecimal spent = ledger.spentThisMonth(user.id());
        LocalDate periodStart = LocalDate.now(clock.withZone(ZoneOffset.UTC)).withDayOfMonth(1);
        return new LlmStatus(llm.provider(), llm.model(), llm.isOffline(), new LlmStatus.Budget(limit, spent,
                limit.subtract(spent).max(BigDecimal.ZERO), "USD", "month", periodStart, periodStart.plusMonths(1)));
    }

    /**
     * The caller's spend on the days {@code from..to} (inclusive) of {@code zone}; by default the last
     * {@value #DEFAULT_DAYS} days up to today.
     */
    @GetMapping("/costs")
    CostReport costs(@Parameter(hidden = true) CurrentUser user,
                     @Parameter(description = "first day, ISO-8601 (default: 29 days before `to`)")
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                     @Parameter(description = "last day, inclusive, ISO-8601 (default: today)")
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                     @Parameter(description = "time zone the days are counted in, e.g. Europe/Berlin (default: UTC)")
                     @RequestParam(required = false, defaultValue = "UTC") String zone) {
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new InvalidPeriod("zone", "is not a time zone id (e.g. UTC or Europe/Berlin)");
        }
        if (zoneId instanceof ZoneOffset offset) {
            // PostgreSQL reads a bare offset such as +02:00 in POSIX style, with the sign inverted: only UTC is safe
            if (offset.getTotalSeconds() != 0) {
                throw new InvalidPeriod("zone", "must be a region id (e.g. Europe/Berlin), not an offset");
            }
            zoneId = ZoneId.of("UTC");
        }
        LocalDate last = to != null ? to : LocalDate.now(clock.withZone(zoneId));
        LocalDate first = from != null ? from : last.minusDays(DEFAULT_DAYS - 1);
        if (first.isAfter(last)) {
            throw new InvalidPeriod(from != null ? "from" : "to", "must not be after to (" + last + ")");
        }
        if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
            throw new InvalidPeriod("from", "the period must be at most " + MAX_DAYS + " days");
        }
        return costs.report(user.id(), first, last, zoneId);
    }

    @ExceptionHandler(InvalidPeriod.class)
    ResponseEntity<ProblemDetail> invalidPeriod(InvalidPeriod e) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setTitle("Invalid request");
        problem.setDetail("The request is invalid: " + e.parameter + " " + e.getMessage());
        problem.setProperty(ProblemDetailsAdvice.ERRORS, List.of(InvalidField.atParameter(e.parameter, e.getMessage())));
        return ResponseEntity.badRequest().body(problem);
    }

    static final class InvalidPeriod extends RuntimeException {
        final String parameter;

        InvalidPeriod(String parameter, String problem) {
            super(problem);
            this.parameter = parameter;
        }
    }
}
