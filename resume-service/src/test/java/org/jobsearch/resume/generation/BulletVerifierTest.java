package org.jobsearch.resume.generation;

import org.jobsearch.resume.experience.ExperienceRole;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Fabricated bullets against the fixture base: each is rejected for what it invents, faithful ones pass. */
class BulletVerifierTest {

    static final String EKS = "adventure_sre.eks_migration";
    static final String SLO = "adventure_sre.slo_alerting";
    static final String TERRAFORM = "adventure_sre.terraform_modules";
    static final String CI = "wwi_devops.ci_modernization";

    final BulletVerifier verifier = new BulletVerifier();
    final BulletWriter.Request request = GenerationFixtures.request(UUID.randomUUID(), UUID.randomUUID());
    final List<ResumeContent.SkillsLine> skills = Skills.select(request.requirements(), request.roles());

    @Test
    void faithfulRephrasing_passes() {
        List<String> found = verifier.violations(request, written(Map.of(
                "adventure_sre", List.of(
                        bullet("Migrated 45 services to EKS with blue-green cutovers, cutting deploys from 40 to 8 "
                                + "minutes", EKS),
                        bullet("Cut paging noise 60% by building Prometheus burn-rate alerts with product owners", SLO),
                        bullet("Wrote Terraform modules for VPC, IAM and RDS; IAM security findings dropped 80 percent",
                                TERRAFORM)),
                "wwi_devops", List.of(bullet("Moved 30 repositories from Jenkins to GitHub Actions, cutting build "
                        + "times by 45%", CI)))));

        assertThat(found).isEmpty();
    }

    @Test
    void offlineWriterOutput_onTheFixture_passes() {
        BulletWriter.Written written = new OfflineBulletWriter().write(request);

        assertThat(written.bullets().values()).allSatisfy(list -> assertThat(list).isNotEmpty());
        assertThat(verifier.violations(request, written)).isEmpty();
    }

    @Test
    void inventedPercentage_multipleAndMoney_areRejected_eachNamed() {
        List<String> found = verifier.violations(request, written(Map.of("adventure_sre", List.of(
                bullet("Cut paging noise by 75% with Prometheus burn-rate alerts", SLO),
                bullet("Made deploys 3x faster by migrating services to EKS", EKS),
                bullet("Saved $1.2M a year with versioned Terraform modules", TERRAFORM)))));

        assertThat(found).containsExactlyInAnyOrder(
                "role adventure_sre bullet 1 \"Cut paging noise by 75% with Prometheus burn-rate alerts\" states 75%, "
                        + "which project adventure_sre.slo_alerting does not state",
                "role adventure_sre bullet 2 \"Made deploys 3x faster by migrating services to EKS\" states 3x, which "
                        + "project adventure_sre.eks_migration does not state",
                "role adventure_sre bullet 3 \"Saved $1.2M a year with versioned Terraform modules\" states $1.2M, "
                        + "which project adventure_sre.terraform_modules does not state");
    }

    @Test
    void aNumberOfTheProjectWithAnotherMeaning_isRejected() {
        // the project says 60% (paging noise) and 45 services; "45%" claims a percentage it never states
        List<String> found = verifier.violations(request, written(Map.of("adventure_sre", List.of(
                bullet("Cut paging noise by 45% across services with Prometheus alerts", SLO)))));

        assertThat(found).singleElement().asString().contains("states 45%");
    }

    @Test
    void toolsTheCitedProjectDoesNotName_areRejected_evenWhenTheUserHasThemElsewhere() {
        List<String> found = verifier.violations(request, written(Map.of("adventure_sre", List.of(
                // Datadog: a known product the user never used; Terraform: the user's, but another project's
                bullet("Built Datadog and Prometheus dashboards, cutting paging noise 60%", SLO),
                bullet("Migrated services to EKS with Terraform and blue-green cutovers", EKS)))));

        assertThat(found).containsExactlyInAnyOrder(
                "role adventure_sre bullet 1 \"Built Datadog and Prometheus dashboards, cutting paging noise 60%\" "
                        + "names Datadog, which project adventure_sre.slo_alerting does not name",
                "role adventure_sre bullet 2 \"Migrated services to EKS with Terraform and blue-green cutovers\" "
                        + "names Terraform, which project adventure_sre.eks_migration does not name");
    }

    @Test
    void jdKeywordsAreToolsToo() {
        // Kafka and Istio are only the JD's; a bullet may not claim them for a project that does not
        List<String> found = verifier.violations(request, written(Map.of("wwi_devops", List.of(
                bullet("Ran Kafka and Istio upgrades in GitHub Actions reusable workflows", CI)))));

        assertThat(found).hasSize(2).anySatisfy(v -> assertThat(v).contains("names Kafka"))
                .anySatisfy(v -> assertThat(v).contains("names Istio"));
    }

    @Test
    void shortToolNames_matchOnlyAsWritten() {
        // "Go" is a tool of the user; "go-live" is not a claim about it
        assertThat(BulletVerifier.mentions("Planned the go-live with product owners", "Go")).isFalse();
        assertThat(BulletVerifier.mentions("Wrote Go tooling", "Go")).isTrue();
        assertThat(BulletVerifier.mentions("Ran GRAFANA dashboards", "Grafana")).isTrue();
    }

    @Test
    void unknownProject_projectOfAnotherRole_tooLong_tooMany_andMissingRole_areRejected() {
        List<ResumeContent.Bullet> six = List.of(
                bullet("Defined SLOs with product owners for 45 services", SLO),
                bullet("Built Prometheus recording rules and multi-window burn-rate alerts", SLO),
                bullet("Created Grafana dashboards per service", SLO),
                bullet("Wrote runbooks and trained 6 teams on the new deploy flow", EKS),
                bullet("Ran a migration clinic for 6 teams", TERRAFORM),
                bullet("Added policy checks with OPA to CI", TERRAFORM));
        Map<String, List<ResumeContent.Bullet>> bullets = new LinkedHashMap<>();
        bullets.put("adventure_sre", six);
        bullets.put("wwi_devops", List.of(
                bullet("Led the Kafka platform migration for payments", "wwi_devops.kafka_platform"),
                bullet("Defined SLOs with product owners for 45 services", SLO),
                bullet("Replaced Jenkins jobs with GitHub Actions reusable workflows and added caching and parallel "
                        + "test shards and documented a template for every new repository we ever had", CI)));

        List<String> found = verifier.violations(request, new BulletWriter.Written(bullets, skills));

        assertThat(found).containsExactlyInAnyOrder(
                "role adventure_sre has 6 bullets, at most 5 allowed",
                "role wwi_devops bullet 1 \"Led the Kafka platform migration for payments\" cites projectKey "
                        + "\"wwi_devops.kafka_platform\", which is not a project of the user",
                "role wwi_devops bullet 2 \"Defined SLOs with product owners for 45 services\" cites project "
                        + "adventure_sre.slo_alerting of another role; cite one of role wwi_devops's projects",
                "role wwi_devops bullet 3 \"Replaced Jenkins jobs with GitHub Actions reusable workflows and added "
                        + "caching and parallel test shards and documented a template for every new repository we "
                        + "ever had\" has 26 words, at most 25 allowed",
                "role northwind_sysadmin has no bullets; write at least one from its projects",
                "role contoso_intern has no bullets; write at least one from its projects");
    }

    @Test
    void skillsTheUserDoesNotHave_areRejected() {
        List<ResumeContent.SkillsLine> lines = List.of(
                new ResumeContent.SkillsLine("Cloud & Infrastructure", List.of("Kubernetes", "Terraform")),
                new ResumeContent.SkillsLine("Data", List.of("Kafka")),
                new ResumeContent.SkillsLine("Service mesh", List.of("Istio")),
                new ResumeContent.SkillsLine("Languages", List.of("Go")),
                new ResumeContent.SkillsLine("Observability", List.of("Prometheus")));

        List<String> found = verifier.violations(request, new BulletWriter.Written(allRolesFaithful(), lines));

        assertThat(found).containsExactlyInAnyOrder(
                "skills have 5 categories, at most 4 allowed",
                "skill Kafka (Data) is not a tool of any of the user's projects",
                "skill Istio (Service mesh) is not a tool of any of the user's projects");
    }

    @Test
    void deterministicSkills_areJdKeywordsTheUserHas_inAtMostFourCategories() {
        assertThat(skills).hasSizeLessThanOrEqualTo(4);
        assertThat(skills).flatExtracting(ResumeContent.SkillsLine::skills)
                .contains("Kubernetes", "Terraform", "Prometheus", "Python")
                .doesNotContain("Kafka", "Istio", "Linkerd");
        assertThat(verifier.violations(request, new BulletWriter.Written(allRolesFaithful(), skills))).isEmpty();
    }

    /** The given roles' bullets, every other role with a faithful one, and the deterministic skills. */
    private BulletWriter.Written written(Map<String, List<ResumeContent.Bullet>> bullets) {
        Map<String, List<ResumeContent.Bullet>> all = allRolesFaithful();
        all.putAll(bullets);
        return new BulletWriter.Written(all, skills);
    }

    /** One bullet per role, each an action of one of the role's projects word for word. */
    private Map<String, List<ResumeContent.Bullet>> allRolesFaithful() {
        Map<String, List<ResumeContent.Bullet>> all = new LinkedHashMap<>();
        for (ExperienceRole role : request.roles()) {
            all.put(role.key(), List.of(bullet(role.projects().get(0).actions().get(0), role.projects().get(0).key())));
        }
        return all;
    }

    private static ResumeContent.Bullet bullet(String text, String projectKey) {
        return new ResumeContent.Bullet(text, projectKey);
    }
}
