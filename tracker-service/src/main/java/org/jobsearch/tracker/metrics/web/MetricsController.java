package org.jobsearch.tracker.metrics.web;

import io.swagger.v3.oas.annotations.Parameter;
import org.jobsearch.identity.CurrentUser;
import org.jobsearch.rest.InvalidField;
import org.jobsearch.rest.ProblemDetailsAdvice;
import org.jobsearch.tracker.metrics.Dashboard;
import org.jobsearch.tracker.metrics.Dimension;
import org.jobsearch.tracker.metrics.DimensionRow;
import org.jobsearch.tracker.metrics.Interval;
import org.jobsearch.tracker.metrics.MetricsFilter;
import org.jobsearch.tracker.metrics.MetricsService;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * The signed-in user's metrics dashboard. Every filter is optional; list filters repeat the parameter
 * ({@code role=data_engineer&role=software_engineer}) and match any of their values.
 */
@RestController
class MetricsController {

    private final MetricsService metrics;

    MetricsController(MetricsService metrics) {
        this.metrics = metrics;
    }

    /** Every section of the dashboard; {@code interval} (day, week) sizes the timeline's buckets. */
    @GetMapping("/api/tracker/metrics")
    Dashboard dashboard(@Parameter(hidden = true) CurrentUser user,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                        @RequestParam(required = false) List<String> role,
                        @RequestParam(required = false) List<String> specialization,
                        @RequestParam(required = false) List<String> level,
                        @RequestParam(required = false) List<String> workSetting,
                        @RequestParam(required = false) List<String> source,
                        @RequestParam(required = false) List<String> location,
                        @RequestParam(required = false) String zone,
                        @RequestParam(defaultValue = "day") String interval) {
        MetricsFilter filter = filter(from, to, role, specialization, level, workSetting, source, location, zone);
        Interval buckets = switch (interval.toLowerCase(Locale.ROOT)) {
            case "day" -> Interval.DAY;
            case "week" -> Interval.WEEK;
            default -> throw new BadParameter("interval", "must be day or week");
        };
        try {
            return metrics.dashboard(user.id(), filter, buckets);
        } catch (IllegalArgumentException e) {
            throw new BadParameter("interval", e.getMessage() + "; use interval=week or a shorter range");
        }
    }

    /** The deep-dive table for one dimension (role, specialization, level, location, workSetting, source, ...). */
    @GetMapping("/api/tracker/metrics/deep-dive")
    List<DimensionRow> deepDive(@Parameter(hidden = true) CurrentUser user,
                                @RequestParam(defaultValue = "role") String dimension,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                @RequestParam(required = false) List<String> role,
                                @RequestParam(required = false) List<String> specialization,
                                @RequestParam(required = false) List<String> level,
                                @RequestParam(required = false) List<String> workSetting,
                                @RequestParam(required = false) List<String> source,
                                @RequestParam(required = false) List<String> location,
                                @RequestParam(required = false) String zone) {
        Dimension chosen;
        try {
            chosen = Dimension.of(dimension);
        } catch (IllegalArgumentException e) {
            throw new BadParameter("dimension", e.getMessage());
        }
        return metrics.deepDive(user.id(),
                filter(from, to, role, specialization, level, workSetting, source, location, zone), chosen);
    }

    private static MetricsFilter filter(LocalDate from, LocalDate to, List<String> role, List<String> specialization,
                                        List<String> level, List<String> workSetting, List<String> source,
                                        List<String> location, String zone) {
        ZoneId zoneId;
        try {
            zoneId = zone == null || zone.isBlank() ? null : ZoneId.of(zone.trim());
        } catch (DateTimeException e) {
            throw new BadParameter("zone", "must be a time zone such as Europe/Berlin or UTC");
        }
        try {
            return new MetricsFilter(from, to, zoneId, role, specialization, level, workSetting, source, location);
        } catch (IllegalArgumentException e) {
            throw new BadParameter("to", "must not be before from");
        }
    }

    @ExceptionHandler(BadParameter.class)
    ProblemDetail badParameter(BadParameter e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request is invalid: " + e.parameter + " " + e.getMessage());
        problem.setTitle("Invalid request");
        problem.setProperty(ProblemDetailsAdvice.ERRORS, List.of(InvalidField.atParameter(e.parameter, e.getMessage())));
        return problem;
    }

    private static final class BadParameter extends RuntimeException {

        private final String parameter;

        BadParameter(String parameter, String detail) {
            super(detail);
            this.parameter = parameter;
        }
    }
}
