package org.jobsearch.tracker.settings.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jobsearch.tracker.settings.LocationGroup;
import org.jobsearch.tracker.settings.MetricsSettings;

import java.util.List;

/** The whole settings document, as {@code GET} answers it and {@code PUT} replaces it. */
record SettingsRequest(
        @NotNull @Size(max = 50) List<@NotNull @Valid GroupRequest> locationGroups,
        @NotNull @Min(0) @Max(10_000_000) Integer minSalaryBase,
        @NotNull @Min(0) @Max(10_000_000) Integer maxSalaryBase,
        @NotNull @Min(1_000) @Max(1_000_000) Integer salaryStep) {

    record GroupRequest(@NotBlank @Size(max = 100) String name,
                        @NotNull @Size(min = 1, max = 200) List<@NotBlank @Size(max = 100) String> patterns) {
    }

    MetricsSettings toSettings() {
        return new MetricsSettings(locationGroups.stream()
                .map(group -> new LocationGroup(group.name().trim(), group.patterns())).toList(),
                minSalaryBase, maxSalaryBase, salaryStep);
    }

    static SettingsRequest of(MetricsSettings settings) {
        return new SettingsRequest(settings.locationGroups().stream()
                .map(group -> new GroupRequest(group.name(), group.patterns())).toList(),
                settings.minSalaryBase(), settings.maxSalaryBase(), settings.salaryStep());
    }
}
