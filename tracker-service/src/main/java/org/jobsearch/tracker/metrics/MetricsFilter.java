package org.jobsearch.tracker.metrics;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * What the dashboard counts: applications applied on {@code from}..{@code to} (inclusive dates in {@code zone}; either
 * may be open) whose job matches every non-empty list (any value of a list matches).
 *
 * @param locations grouped locations (as {@link LocationGrouping} names them)
 */
public record MetricsFilter(LocalDate from, LocalDate to, ZoneId zone, List<String> roles,
                            List<String> specializations, List<String> levels, List<String> workSettings,
                            List<String> sources, List<String> locations) {

    public MetricsFilter {
        zone = zone == null ? ZoneId.of("UTC") : zone;
        roles = copy(roles);
        specializations = copy(specializations);
        levels = copy(levels);
        workSettings = copy(workSettings);
        sources = copy(sources);
        locations = copy(locations);
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("to (" + to + ") is before from (" + from + ")");
        }
    }

    public static MetricsFilter everything() {
        return new MetricsFilter(null, null, null, null, null, null, null, null, null);
    }

    private static List<String> copy(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).toList();
    }
}
