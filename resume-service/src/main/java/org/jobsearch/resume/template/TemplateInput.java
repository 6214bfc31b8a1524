package org.jobsearch.resume.template;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jobsearch.resume.jd.ParsedJd;

import java.util.List;

/**
 * A user template as uploaded. Checked further by the template validator (well-formed XHTML with the slots, CSS 2.1
 * only, no external resources or scripts, a sample renders).
 *
 * @param html an XHTML document with {@code data-slot} elements {@code name}, {@code contact}, {@code experience},
 *             {@code skills} (and optionally {@code links}), which the renderer fills with text
 * @param css  more CSS 2.1 for the template (may also sit in the HTML's {@code <style>})
 */
public record TemplateInput(@NotBlank @Size(max = 100) @Pattern(regexp = NO_NUL, message = NUL_MESSAGE)
                            String name,
                            @NotBlank @Pattern(regexp = ParsedJd.ROLES) String targetRole,
                            @Pattern(regexp = ParsedJd.LEVELS) String level,
                            @Size(max = 64) @Pattern(regexp = "[A-Za-z][A-Za-z -]*") String specialization,
                            @Size(max = 255) @Pattern(regexp = NO_NUL, message = NUL_MESSAGE) String description,
                            @NotBlank @Size(max = TemplateInput.MAX_HTML)
                            @Pattern(regexp = NO_NUL, message = NUL_MESSAGE)
                            String html,
                            @Size(max = TemplateInput.MAX_CSS) @Pattern(regexp = NO_NUL, message = NUL_MESSAGE)
                            String css,
                            @NotBlank @Pattern(regexp = "standard|compact|dense") String styleVariant,
                            @Valid List<@NotNull RoleConfig> roleConfigs) {

    public static final int MAX_HTML = 65_536;
    public static final int MAX_CSS = 32_768;
    /** PostgreSQL text cannot hold NUL: refused as bad input rather than failing at the insert. */
    static final String NO_NUL = "[^\\x00]*";
    static final String NUL_MESSAGE = "must not contain NUL characters";

    public TemplateInput {
        roleConfigs = roleConfigs == null ? List.of() : List.copyOf(roleConfigs);
    }
}
