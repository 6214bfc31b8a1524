package org.jobsearch.resume.experience;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Locale;

/**
 * One project inside a role: the facts bullets are written from.
 *
 * @param key the project's stable key, {@code <role key>.<short name in snake case>}; derived from the role and short
 *            name (ignored on input), cited by every bullet written from the project
 */
public record ExperienceProject(String key,
                                @NotBlank @Size(max = 255) String shortName,
                                @Size(max = 2000) String problemContext,
                                @NotNull @Size(max = 20) List<@NotBlank @Size(max = 500) String> actions,
                                @NotNull @Size(max = 30) List<@NotBlank @Size(max = 100) String> tools,
                                @NotNull @Size(max = 20) List<@NotBlank @Size(max = 500) String> outcomes) {

    public ExperienceProject {
        actions = actions == null ? null : List.copyOf(actions);
        tools = tools == null ? null : List.copyOf(tools);
        outcomes = outcomes == null ? null : List.copyOf(outcomes);
    }

    /** {@code "EKS migration"} in role {@code adventure_sre} → {@code adventure_sre.eks_migration}. */
    public static String keyOf(String roleKey, String shortName) {
        String slug = shortName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return roleKey + "." + (slug.isEmpty() ? "project" : slug);
    }

    ExperienceProject withKey(String roleKey) {
        return new ExperienceProject(keyOf(roleKey, shortName), shortName, problemContext, actions, tools, outcomes);
    }
}
