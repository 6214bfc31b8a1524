package org.jobsearch.resume.generation;

import org.jobsearch.resume.experience.ExperienceProject;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What one resume says, without layout, with the user's edits: every bullet and skills line keeps the generated
 * {@code text} and carries its own {@code exclude} flag and {@code overrideText}; what is printed is
 * {@link Bullet#printed()} of the items not excluded.
 *
 * @param roles    in resume order
 * @param projects the facts of every project a bullet cites, each once, in order of first citation
 * @param skills   at most four lines
 */
public record ResumeContent(List<Role> roles, List<ExperienceProject> projects, List<SkillsLine> skills) {

    public ResumeContent {
        roles = List.copyOf(roles);
        projects = List.copyOf(projects);
        skills = List.copyOf(skills);
    }

    /**
     * The same content with a stable id on every bullet ({@code r<role>b<bullet>}) and skills line ({@code s<line>}),
     * by position: ids are given once, when the content is written, and never change with edits.
     */
    ResumeContent withIds() {
        List<Role> identified = new ArrayList<>();
        for (int r = 0; r < roles.size(); r++) {
            Role role = roles.get(r);
            List<Bullet> bullets = new ArrayList<>();
            for (int b = 0; b < role.bullets().size(); b++) {
                Bullet bullet = role.bullets().get(b);
                bullets.add(new Bullet("r" + r + "b" + b, bullet.text(), bullet.projectKey(), bullet.exclude(),
                        bullet.overrideText()));
            }
            identified.add(new Role(role.roleKey(), role.company(), role.title(), role.location(), role.start(),
                    role.end(), bullets));
        }
        List<SkillsLine> lines = new ArrayList<>();
        for (int s = 0; s < skills.size(); s++) {
            SkillsLine line = skills.get(s);
            lines.add(new SkillsLine("s" + s, line.category(), line.skills(), line.exclude(), line.overrideText()));
        }
        return new ResumeContent(identified, projects, lines);
    }

    /** @param end {@code null} while current */
    public record Role(String roleKey, String company, String title, String location, LocalDate start, LocalDate end,
                       List<Bullet> bullets) {

        public Role {
            bullets = List.copyOf(bullets);
        }
    }

    /**
     * @param id           stable within the resume; {@code null} until the content is stored
     * @param text         as generated, kept when the user overrides it
     * @param projectKey   the project the bullet was written from
     * @param exclude      left out of the next render
     * @param overrideText printed instead of {@code text} when not blank
     */
    public record Bullet(String id, String text, String projectKey, boolean exclude, String overrideText) {

        /** A freshly written bullet: no id yet, not excluded, not overridden. */
        public Bullet(String text, String projectKey) {
            this(null, text, projectKey, false, null);
        }

        /** What a render prints for it. */
        public String printed() {
            return overrideText != null && !overrideText.isBlank() ? overrideText.strip() : text;
        }
    }

    /**
     * @param overrideText printed after the category instead of the comma-joined {@code skills} when not blank
     */
    public record SkillsLine(String id, String category, List<String> skills, boolean exclude, String overrideText) {

        public SkillsLine {
            skills = List.copyOf(skills);
        }

        /** A freshly written line: no id yet, not excluded, not overridden. */
        public SkillsLine(String category, List<String> skills) {
            this(null, category, skills, false, null);
        }

        /** What a render prints after the category. */
        public String printed() {
            return overrideText != null && !overrideText.isBlank() ? overrideText.strip() : String.join(", ", skills);
        }
    }
}
