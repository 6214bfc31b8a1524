package org.jobsearch.resume.experience;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A user's whole experience base, the document {@code GET/PUT /api/resumes/experience} exchange.
 *
 * @param contact optional on input: when present it replaces the contact profile in the same transaction
 * @param roles   in the user's order
 */
public record ExperienceBase(@Valid ContactProfile contact,
                             @NotNull @Size(max = 30) List<@NotNull @Valid ExperienceRole> roles) {

    public ExperienceBase {
        roles = roles == null ? null : List.copyOf(roles);
    }
}
