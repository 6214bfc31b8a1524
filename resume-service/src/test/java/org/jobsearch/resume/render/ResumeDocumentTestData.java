package org.jobsearch.resume.render;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Resumes of a chosen size: {@code roles} roles with {@code bulletsPerRole} distinct, numbered bullets each. */
final class ResumeDocumentTestData {

    static final ResumeDocument.Contact CONTACT = new ResumeDocument.Contact("Sam Rivera", "sam.rivera@example.com",
            "(555) 010-0142", "Denver, CO", List.of("https://linkedin.com/in/sam-rivera-example"));

    private ResumeDocumentTestData() {
    }

    static ResumeDocument resume(int roles, int bulletsPerRole) {
        List<ResumeDocument.Role> entries = new ArrayList<>();
        for (int r = 0; r < roles; r++) {
            List<String> bullets = new ArrayList<>();
            for (int b = 0; b < bulletsPerRole; b++) {
                bullets.add(bullet(r, b));
            }
            entries.add(new ResumeDocument.Role("Site Reliability Engineer " + (r + 1), "Company " + (r + 1),
                    "Denver, CO", LocalDate.of(2022 - 3 * r, 1, 10), r == 0 ? null : LocalDate.of(2024 - 3 * r, 12, 31),
                    bullets));
        }
        return new ResumeDocument(CONTACT, entries, skills());
    }

    /** 17 words, a typical bullet, with a marker that is unique per role and bullet. */
    static String bullet(int role, int bullet) {
        return "R" + (role + 1) + "B" + (bullet + 1) + " Migrated 45 services to EKS with blue-green cutovers, "
                + "cutting deploy time from 40 to 8 minutes";
    }

    static List<ResumeDocument.SkillsLine> skills() {
        return List.of(
                new ResumeDocument.SkillsLine("Cloud & Infrastructure", List.of("AWS", "Kubernetes", "EKS", "Terraform")),
                new ResumeDocument.SkillsLine("Observability", List.of("Prometheus", "Grafana", "OpenTelemetry")),
                new ResumeDocument.SkillsLine("CI/CD", List.of("GitHub Actions")));
    }
}
