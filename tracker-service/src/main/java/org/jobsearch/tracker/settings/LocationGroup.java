package org.jobsearch.tracker.settings;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A metro area of the metrics dashboard: a job whose location's city (the text before the first comma, compared
 * without case and surrounding blanks) is one of {@code patterns} counts under {@code name}.
 */
public record LocationGroup(String name, List<String> patterns) {

    public LocationGroup {
        Objects.requireNonNull(name, "name");
        patterns = patterns.stream().map(LocationGroup::normalize).toList();
    }

    /** How a pattern and a location's city are compared. */
    public static String normalize(String city) {
        return city.trim().toLowerCase(Locale.ROOT);
    }
}
