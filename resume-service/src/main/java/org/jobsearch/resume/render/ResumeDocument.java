package org.jobsearch.resume.render;

import java.time.LocalDate;
import java.util.List;

/**
 * What a resume prints, in order, as plain text: the renderer escapes every string (none is markup).
 *
 * @param roles  in resume order
 * @param skills in resume order, each printed as "Category: a, b, c"
 */
public record ResumeDocument(Contact contact, List<Role> roles, List<SkillsLine> skills) {

    public ResumeDocument {
        roles = List.copyOf(roles);
        skills = List.copyOf(skills);
    }

    public record Contact(String name, String email, String phone, String location, List<String> links) {

        public Contact {
            links = links == null ? List.of() : List.copyOf(links);
        }
    }

    /** @param end {@code null} while current: printed "Present" */
    public record Role(String title, String company, String location, LocalDate start, LocalDate end,
                       List<String> bullets) {

        public Role {
            bullets = List.copyOf(bullets);
        }
    }

    public record SkillsLine(String category, List<String> skills) {

        public SkillsLine {
            skills = List.copyOf(skills);
        }
    }
}
