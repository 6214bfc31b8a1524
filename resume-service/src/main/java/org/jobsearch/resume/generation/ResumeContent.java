package org.jobsearch.resume.generation;

import org.jobsearch.resume.experience.ExperienceProject;

import java.time.LocalDate;
import java.util.List;

/**
 * What one resume version says, without layout.
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

    /** @param end {@code null} while current */
    public record Role(String roleKey, String company, String title, String location, LocalDate start, LocalDate end,
                       List<Bullet> bullets) {

        public Role {
            bullets = List.copyOf(bullets);
        }
    }

    /** @param projectKey the project the bullet was written from */
    public record Bullet(String text, String projectKey) {
    }

    public record SkillsLine(String category, List<String> skills) {

        public SkillsLine {
            skills = List.copyOf(skills);
        }
    }
}
