package org.jobsearch.resume.experience;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * One past (or the current) job.
 *
 * @param key     stable, lower snake case, unique in the user's base, e.g. {@code amazon_sde}
 * @param endDate {@code null} while the role is current
 */
public record ExperienceRole(@NotBlank @Size(max = 50)
                             @Pattern(regexp = "^[a-z0-9_]+$", message = "must be lower snake case (a-z, 0-9, _)")
                             String key,
                             @NotBlank @Size(max = 255) String company,
                             @NotBlank @Size(max = 255) String title,
                             @Size(max = 100) String location,
                             @NotNull LocalDate startDate,
                             LocalDate endDate,
                             @NotNull @Size(max = 30) List<@NotNull @Valid ExperienceProject> projects) {

    public ExperienceRole {
        projects = projects == null ? null : List.copyOf(projects);
    }

    /** Derived from {@code endDate}: exported for readers, ignored on input. */
    @JsonProperty(value = "current", access = JsonProperty.Access.READ_ONLY)
    public boolean current() {
        return endDate == null;
    }
}
