package org.jobsearch.tracker.settings;

import java.util.List;

/**
 * The user's settings of the metrics dashboard.
 *
 * @param locationGroups metro areas, the first group naming a city wins
 * @param minSalaryBase  lower edge of the first {@code min_salary} bucket (whole USD per year)
 * @param maxSalaryBase  lower edge of the first {@code max_salary} bucket
 * @param salaryStep     width of a salary bucket
 */
public record MetricsSettings(List<LocationGroup> locationGroups, int minSalaryBase, int maxSalaryBase,
                              int salaryStep) {

    /** The reference's values: its three metro areas, min buckets from $100k, max from $150k, in $20k steps. */
    public static final MetricsSettings DEFAULTS = new MetricsSettings(List.of(
            new LocationGroup("Greater Seattle Area", List.of("seattle", "bellevue", "redmond", "kirkland", "kent",
                    "renton", "everett", "tacoma", "bothell", "sammamish", "issaquah", "tukwila", "silverdale",
                    "seatac", "joint base lewis-mcchord", "bremerton")),
            new LocationGroup("Greater Chicago Area", List.of("chicago", "aurora", "deerfield", "lombard", "oak brook",
                    "oakbrook terrace", "schaumburg", "skokie", "des plaines", "northfield", "rosemont")),
            new LocationGroup("Greater Milwaukee Area", List.of("milwaukee", "racine", "brookfield",
                    "menomonee falls", "mequon", "pewaukee"))),
            100_000, 150_000, 20_000);

    public MetricsSettings {
        locationGroups = List.copyOf(locationGroups);
        if (salaryStep <= 0) {
            throw new IllegalArgumentException("salaryStep must be positive, was " + salaryStep);
        }
    }
}
