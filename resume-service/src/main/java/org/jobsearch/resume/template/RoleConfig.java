package org.jobsearch.resume.template;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One experience role a template prints (the reference's TemplateRoleConfig). A configured role the user's
 * experience base does not have (any more) is skipped.
 *
 * @param roleKey       the experience role's key, e.g. {@code adventure_sre}
 * @param order         position on the resume, ascending
 * @param titleOverride printed instead of the role's title
 * @param maxBullets    at most this many bullets for the role
 */
public record RoleConfig(@NotBlank @Size(max = 100) @Pattern(regexp = TemplateInput.NO_NUL,
                                 message = TemplateInput.NUL_MESSAGE) String roleKey,
                         @NotNull @PositiveOrZero Integer order,
                         @Size(max = 64) @Pattern(regexp = TemplateInput.NO_NUL,
                                 message = TemplateInput.NUL_MESSAGE) String titleOverride,
                         @NotNull @Min(1) @Max(10) Integer maxBullets) {
}
