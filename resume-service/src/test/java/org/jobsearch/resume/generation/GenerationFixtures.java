package org.jobsearch.resume.generation;

import org.jobsearch.resume.experience.ExperienceBase;
import org.jobsearch.resume.experience.ExperienceProject;
import org.jobsearch.resume.experience.ExperienceRole;
import org.jobsearch.resume.jd.ParsedJd;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The benchmark fixture's experience base ({@code experience/experience-base.json}, a copy of
 * {@code shared/fixtures/benchmark/experience-base.json}: 4 roles, 4 projects each) with project keys as the service
 * derives them, and the requirements of the fixture JD ({@code jds/01-platform-engineer.txt}) as a parser reads them.
 */
final class GenerationFixtures {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final List<ParsedJd.Requirement> PLATFORM_REQUIREMENTS = List.of(
            new ParsedJd.Requirement("Operate and improve Kubernetes (EKS) clusters and Helm/Kustomize tooling",
                    List.of("Kubernetes", "EKS", "Helm", "Kustomize"), 0.7),
            new ParsedJd.Requirement(
                    "Build CI/CD pipelines in GitHub Actions with reusable workflows and policy checks",
                    List.of("CI/CD", "GitHub Actions"), 0.7),
            new ParsedJd.Requirement("Own the observability stack: Prometheus, Grafana, OpenTelemetry tracing",
                    List.of("observability", "Prometheus", "Grafana", "OpenTelemetry"), 0.7),
            new ParsedJd.Requirement("Write infrastructure as code with Terraform across AWS accounts",
                    List.of("infrastructure as code", "Terraform", "AWS"), 0.7),
            new ParsedJd.Requirement("Automate developer workflows with Go or Python tooling",
                    List.of("Go", "Python"), 0.7),
            new ParsedJd.Requirement("Participate in on-call and lead blameless postmortems",
                    List.of("on-call", "postmortems"), 0.7),
            new ParsedJd.Requirement("3+ years in platform, infrastructure or site reliability engineering",
                    List.of("platform engineering", "SRE"), 0.9),
            new ParsedJd.Requirement("Hands-on Kubernetes in production", List.of("Kubernetes"), 0.9),
            new ParsedJd.Requirement("Terraform and AWS (IAM, VPC, EKS, RDS)",
                    List.of("Terraform", "AWS", "IAM", "VPC", "EKS", "RDS"), 0.9),
            new ParsedJd.Requirement("Proficiency in Go or Python", List.of("Go", "Python"), 0.9),
            new ParsedJd.Requirement("Experience with Prometheus and Grafana", List.of("Prometheus", "Grafana"), 0.9),
            new ParsedJd.Requirement("Kafka or other event streaming operations", List.of("Kafka"), 0.4),
            new ParsedJd.Requirement("Service mesh (Istio or Linkerd)", List.of("service mesh", "Istio", "Linkerd"),
                    0.4));

    private GenerationFixtures() {
    }

    static List<ExperienceRole> roles() {
        ExperienceBase base = JSON.readValue(resource("experience/experience-base.json"), ExperienceBase.class);
        return base.roles().stream().map(role -> new ExperienceRole(role.key(), role.company(), role.title(),
                role.location(), role.startDate(), role.endDate(), role.projects().stream()
                .map(p -> new ExperienceProject(ExperienceProject.keyOf(role.key(), p.shortName()), p.shortName(),
                        p.problemContext(), p.actions(), p.tools(), p.outcomes())).toList())).toList();
    }

    /** The service's allowance: 5, 4, 3, 3… bullets by position. */
    static Map<String, Integer> allowance(List<ExperienceRole> roles) {
        Map<String, Integer> max = new LinkedHashMap<>();
        for (int i = 0; i < roles.size(); i++) {
            max.put(roles.get(i).key(), i == 0 ? 5 : i == 1 ? 4 : 3);
        }
        return max;
    }

    static BulletWriter.Request request(UUID owner, UUID job) {
        List<ExperienceRole> roles = roles();
        return new BulletWriter.Request(owner, job, "software_engineer", PLATFORM_REQUIREMENTS, roles,
                allowance(roles));
    }

    static String resource(String name) {
        try (InputStream in = GenerationFixtures.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
