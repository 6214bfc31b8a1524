package org.jobsearch.resume.template;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A resume template as data.
 *
 * @param key            {@code engineer} or {@code analyst} for the built-ins, {@code null} for a user's own
 * @param targetRole     the role it is meant for (the first of {@code targetRoles})
 * @param targetRoles    every role it fits: a built-in serves a family of roles, a user template one
 * @param level          the level it fits; {@code null} fits every level
 * @param specialization the specialization it fits (letters only, lower case); {@code null} fits any
 * @param styleVariant   the style the render starts from: {@code standard}, {@code compact} or {@code dense}
 * @param custom         a user's template (editable by its owner); built-ins are read-only
 * @param roleConfigs    which experience roles it prints, in order; empty prints every role with projects
 * @param html           {@code null} in lists
 * @param css            {@code null} in lists
 */
public record TemplateView(UUID id, String key, String name, String targetRole, List<String> targetRoles,
                           String level, String specialization, String description, String styleVariant,
                           boolean custom, List<RoleConfig> roleConfigs, String html, String css, Instant updatedAt) {

    /** The reference used in resume views and events: a built-in's key, a user template's id. */
    public String reference() {
        return key != null ? key : id.toString();
    }
}
