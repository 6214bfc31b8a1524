package org.jobsearch.resume.generation;

import org.jobsearch.resume.experience.ExperienceProject;
import org.jobsearch.resume.experience.ExperienceRole;
import org.jobsearch.resume.jd.ParsedJd;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class OfflineBulletWriterTest {

    static final List<ParsedJd.Requirement> REQUIREMENTS = List.of(
            new ParsedJd.Requirement("Observability with Prometheus and Grafana", List.of("Prometheus", "Grafana"), 0.9),
            new ParsedJd.Requirement("Terraform and AWS", List.of("Terraform", "AWS"), 0.7),
            new ParsedJd.Requirement("Kafka operations", List.of("Kafka"), 0.4),
            new ParsedJd.Requirement("Python or Go tooling", List.of("Python", "Go"), 0.6),
            new ParsedJd.Requirement("Service mesh", List.of("Istio"), 0.3));

    static final ExperienceRole ROLE = new ExperienceRole("adventure_sre", "Adventure Works", "SRE", "Denver, CO",
            LocalDate.of(2022, 1, 10), null, List.of(
            project("EKS migration", List.of("Migrated services to EKS in waves with blue-green cutovers"),
                    List.of("Kubernetes", "EKS"), List.of("Deploy time dropped from 40 to 8 minutes")),
            project("SLO alerting", List.of("Defined SLOs with product owners for 45 services",
                            "Built Prometheus recording rules and multi-window burn-rate alerts"),
                    List.of("Prometheus", "Grafana"), List.of("Paging noise fell by 60%")),
            project("Terraform modules", List.of("Wrote versioned Terraform modules for VPC, IAM roles and RDS"),
                    List.of("Terraform", "AWS"), List.of("6 teams adopted the modules in one quarter")),
            project("Office wiki", List.of("Kept the office wiki tidy"), List.of("Confluence"), List.of())));

    final OfflineBulletWriter writer = new OfflineBulletWriter();

    @Test
    void picksMatchingProjectsByRelevance_withTheirOwnWordsOnly_taggedWithTheProject() {
        BulletWriter.Written written = writer.write(request( List.of(ROLE),
                Map.of("adventure_sre", 3)));

        List<ResumeContent.Bullet> bullets = written.bullets().get("adventure_sre");
        // EKS migration and the wiki match no requirement: the role already has two bullets, so they are left out
        assertThat(bullets).extracting(ResumeContent.Bullet::projectKey).containsExactly(
                "adventure_sre.slo_alerting", "adventure_sre.terraform_modules");
        assertThat(bullets.get(0).text()).isEqualTo(
                "Built Prometheus recording rules and multi-window burn-rate alerts, paging noise fell by 60%");
        for (ResumeContent.Bullet bullet : bullets) {
            assertThat(bullet.text().split("\\s+")).hasSizeLessThanOrEqualTo(BulletWriter.MAX_WORDS);
            ExperienceProject source = ROLE.projects().stream().filter(p -> p.key().equals(bullet.projectKey()))
                    .findFirst().orElseThrow();
            assertThat(words(bullet.text())).isSubsetOf(words(String.join(" ", source.actions()) + " "
                    + String.join(" ", source.outcomes())));
        }
    }

    @Test
    void unmatchedProjects_onlyFillARoleUpToTwoBullets() {
        ExperienceRole quiet = new ExperienceRole("quiet", "Contoso", "Intern", null, LocalDate.of(2015, 6, 1),
                LocalDate.of(2015, 8, 31), List.of(
                project("Wiki", List.of("Kept the wiki tidy"), List.of("Confluence"), List.of()),
                project("Docs", List.of("Wrote onboarding docs"), List.of(), List.of("Onboarding took 2 days less")),
                project("Coffee", List.of("Ran the coffee rota"), List.of(), List.of())));

        List<ResumeContent.Bullet> bullets = writer.write(request( List.of(quiet),
                Map.of("quiet", 3))).bullets().get("quiet");

        assertThat(bullets).extracting(ResumeContent.Bullet::text)
                .containsExactly("Kept the wiki tidy", "Wrote onboarding docs, onboarding took 2 days less");
    }

    @Test
    void skills_areJdKeywordsTheUserHasUsed_inAtMostFourCategories() {
        ExperienceRole polyglot = new ExperienceRole("dev", "Contoso", "Engineer", null, LocalDate.of(2020, 1, 1),
                null, List.of(project("All", List.of("Did everything"),
                List.of("prometheus", "Grafana", "Terraform", "AWS", "Kafka", "Go", "Istio", "Excel"), List.of())));

        List<ResumeContent.SkillsLine> skills = writer.write(request(
                List.of(polyglot), Map.of("dev", 1))).skills();

        assertThat(skills).containsExactly(
                new ResumeContent.SkillsLine("Observability", List.of("prometheus", "Grafana")),
                new ResumeContent.SkillsLine("Cloud & Infrastructure", List.of("Terraform", "AWS", "Istio")),
                new ResumeContent.SkillsLine("Languages", List.of("Go")),
                new ResumeContent.SkillsLine("Data", List.of("Kafka")));
    }

    @Test
    void longActions_areCutTo25Words() {
        String longAction = "Led " + "the very long migration of many services ".repeat(5).strip();
        String text = OfflineBulletWriter.bullet(project("Long", List.of(longAction), List.of(), List.of()), REQUIREMENTS);

        assertThat(text.split("\\s+")).hasSize(25);
        assertThat(longAction).startsWith(text);
    }

    static BulletWriter.Request request(List<ExperienceRole> roles, Map<String, Integer> maxBullets) {
        return new BulletWriter.Request(UUID.randomUUID(), UUID.randomUUID(), "software_engineer", REQUIREMENTS, roles,
                maxBullets);
    }

    static ExperienceProject project(String name, List<String> actions, List<String> tools, List<String> outcomes) {
        return new ExperienceProject(ExperienceProject.keyOf("adventure_sre", name), name, null, actions, tools,
                outcomes);
    }

    static Set<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}%-]+")).filter(w -> !w.isBlank())
                .collect(Collectors.toSet());
    }
}
