package org.jobsearch.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A resume rendered to PDF for a job, published by resume on every (re-)render with a higher {@code version}.
 *
 * <p>Tracker links the resume (id, version, PDF link) to the job and its application; interview-prep keeps the
 * content (roles with their bullets, the facts of the projects the bullets came from, skills lines) as preparation
 * context. Consumers keep the highest version they have seen.
 *
 * @param version starts at 1 and grows with every render of this resume
 * @param pdfPath where the PDF is served, relative to the gateway, e.g. {@code /api/resumes/<id>/versions/3/pdf}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResumeRendered(
        @NotNull UUID eventId,
        @NotNull Instant occurredAt,
        @NotNull UUID resumeId,
        @NotNull @Positive Integer version,
        @NotNull UUID jobId,
        @NotNull UUID ownerId,
        @NotBlank @Pattern(regexp = "^/.*") @Size(max = Limits.URL) String pdfPath,
        @NotNull @Valid Content content) implements OwnedEvent {

    @Override
    public String aggregateId() {
        return Limits.idString(resumeId);
    }

    /**
     * What the rendered resume says, without layout: excluded bullets and skills lines are left out, edited ones
     * carry their edited text.
     *
     * @param roles    in resume order
     * @param projects the facts of every project a bullet cites, each once
     * @param skills   in resume order
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Content(
            List<@Valid Role> roles,
            List<@Valid Project> projects,
            List<@Valid SkillsLine> skills) {

        public Content {
            roles = roles == null ? List.of() : List.copyOf(roles);
            projects = projects == null ? List.of() : List.copyOf(projects);
            skills = skills == null ? List.of() : List.copyOf(skills);
        }
    }

    /**
     * One past job on the resume.
     *
     * @param roleKey the experience base's stable key for the role, e.g. {@code amazon_sde}
     * @param title   as printed (a template may override the role's own title)
     * @param end     {@code null} while the role is current
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Role(
            @NotBlank @Size(max = Limits.NAME) String roleKey,
            @NotBlank @Size(max = Limits.NAME) String company,
            @NotBlank @Size(max = Limits.NAME) String title,
            @NotNull LocalDate start,
            LocalDate end,
            @Size(max = Limits.NAME) String location,
            List<@Valid Bullet> bullets) {

        public Role {
            bullets = bullets == null ? List.of() : List.copyOf(bullets);
        }
    }

    /**
     * One bullet as printed.
     *
     * @param projectKey the {@link Project#key()} the bullet was written from; {@code null} for a hand-written one
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Bullet(
            @NotBlank @Size(max = Limits.TEXT) String text,
            @Size(max = Limits.NAME) String projectKey) {
    }

    /**
     * The facts of a project from the user's experience base, as the bullets' source: what interview prep uses to
     * defend each bullet.
     *
     * @param key  stable within the user's experience base
     * @param name the project's short name
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Project(
            @NotBlank @Size(max = Limits.NAME) String key,
            @NotBlank @Size(max = Limits.NAME) String name,
            @Size(max = Limits.TEXT) String problemContext,
            List<@NotBlank String> actions,
            List<@NotBlank String> tools,
            List<@NotBlank String> outcomes) {

        public Project {
            actions = actions == null ? List.of() : List.copyOf(actions);
            tools = tools == null ? List.of() : List.copyOf(tools);
            outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
        }
    }

    /** One skills line, e.g. "Languages: Java, Python, SQL". */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SkillsLine(
            @NotBlank @Size(max = 100) String category,
            List<@NotBlank String> skills) {

        public SkillsLine {
            skills = skills == null ? List.of() : List.copyOf(skills);
        }
    }
}
