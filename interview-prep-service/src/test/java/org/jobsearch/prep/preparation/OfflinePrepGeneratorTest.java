package org.jobsearch.prep.preparation;

import org.jobsearch.events.EventType;
import org.jobsearch.events.JdParsed;
import org.jobsearch.events.ResumeRendered;
import org.jobsearch.llm.LlmClient;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The offline generator on the golden JdParsed and ResumeRendered samples. */
class OfflinePrepGeneratorTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    final LlmClient llm = Mockito.mock(LlmClient.class);
    final OfflinePrepGenerator generator = new OfflinePrepGenerator(llm);
    final JdParsed job = sample(EventType.JD_PARSED, JdParsed.class);
    final ResumeRendered.Content resume = sample(EventType.RESUME_RENDERED, ResumeRendered.class).content();
    final UUID owner = UUID.randomUUID();

    @Test
    void baseSectionsAreDrawnFromTheJdAndTheResume() {
        Map<PrepSection, String> base = generator.base(new PrepGenerator.BaseInput(owner, UUID.randomUUID(), job,
                resume)).sections();

        assertThat(base).containsOnlyKeys(PrepSection.of(true));
        assertThat(base.values()).allSatisfy(md -> assertThat(md).startsWith(OfflinePrepGenerator.LABEL));
        assertThat(base.get(PrepSection.FORMATTED_JD)).contains("## Platform Engineer II")
                .contains("### Responsibilities").contains("**Kubernetes**").doesNotContain("401(k)");
        assertThat(base.get(PrepSection.COMPANY_CONTEXT))
                .contains("Litware builds scheduling software used by 12,000 restaurants.")
                .contains("### Stated mission or values").doesNotContain("Equal Opportunity");
        assertThat(base.get(PrepSection.PRIMARY_DRIVERS)).contains("**Kubernetes, EKS, Kustomize**")
                .contains("Migrated 45 services");
        assertThat(base.get(PrepSection.BACKGROUND_NARRATIVE)).contains("I'm a Platform Engineer at Adventure Works")
                .contains("### Forward hook");
        assertThat(base.get(PrepSection.RESUME_DEFENSE))
                .contains("### Resume Bullet: \"Migrated 45 services")
                .contains("Designed a Kustomize base and per-environment overlays")
                .contains("Deploy time dropped from 40 to 8 minutes")
                .contains("No project facts stand behind this bullet");
        Mockito.verify(llm).recordOffline(Mockito.eq(owner), Mockito.eq("prep_base"), Mockito.eq(job.jobId()),
                Mockito.any(), Mockito.any());
    }

    @Test
    void withoutResume_prepSaysSoInsteadOfInventing() {
        Map<PrepSection, String> base = generator.base(new PrepGenerator.BaseInput(owner, UUID.randomUUID(), job,
                null)).sections();

        assertThat(base.get(PrepSection.PRIMARY_DRIVERS)).contains("No resume has been rendered")
                .contains("Operate production Kubernetes");
        assertThat(base.get(PrepSection.RESUME_DEFENSE)).contains("No resume has been rendered");
    }

    @Test
    void systemDesignTechnicalScreen_differsFromRecruiterScreen() {
        Map<PrepSection, String> design = interview("technical_screen", "system_design", "Staff Platform Engineer",
                List.of());
        Map<PrepSection, String> recruiter = interview("recruiter_screen", null, "Technical Recruiter", List.of());

        assertThat(design.get(PrepSection.PREDICTED_QUESTIONS)).contains("Design a platform")
                .contains("STAR outline from your project").doesNotContain("salary expectations");
        assertThat(recruiter.get(PrepSection.PREDICTED_QUESTIONS)).contains("What are your salary expectations?")
                .doesNotContain("Design a platform");
        assertThat(design.get(PrepSection.TECHNICAL_DEEP_DIVES)).contains("### Kubernetes")
                .contains("EKS migration");
        assertThat(recruiter.get(PrepSection.TECHNICAL_DEEP_DIVES)).contains("Skipped for a Recruiter screen");
        assertThat(design.get(PrepSection.INTERVIEWER_QUESTIONS)).contains("hardest technical problem");
        assertThat(recruiter.get(PrepSection.INTERVIEWER_QUESTIONS)).contains("interview process");
        assertThat(design.get(PrepSection.PREP_PLAN)).contains("Whiteboard");
    }

    @Test
    void earlierDebriefNotesAppearInTheNextRound() {
        PrepGenerator.EarlierRound screen = new PrepGenerator.EarlierRound("technical_screen", "system_design",
                Instant.parse("2026-12-01T17:00:00Z"), "How would you run Terraform state across accounts?",
                "I was vague on Terraform state locking.");

        Map<PrepSection, String> loop = interview("final_loop", "system_design", "Engineering Manager",
                List.of(screen));

        assertThat(loop.get(PrepSection.PREP_PLAN)).contains("Lessons from earlier rounds")
                .contains("I was vague on Terraform state locking.").contains("CRITICAL").contains("Terraform");
        assertThat(loop.get(PrepSection.PREDICTED_QUESTIONS))
                .contains("How would you run Terraform state across accounts?");
        assertThat(loop.get(PrepSection.TECHNICAL_DEEP_DIVES))
                .contains("### Terraform (PRIORITY: gap from an earlier round)").contains("Gap analysis");
        assertThat(loop.get(PrepSection.INTERVIEWER_QUESTIONS)).contains("success look like");
    }

    private Map<PrepSection, String> interview(String stage, String focus, String title,
                                               List<PrepGenerator.EarlierRound> earlier) {
        Map<PrepSection, String> base = generator.base(new PrepGenerator.BaseInput(owner, UUID.randomUUID(), job,
                resume)).sections();
        Map<PrepSection, String> sections = generator.interview(new PrepGenerator.InterviewInput(owner,
                UUID.randomUUID(), job, resume, base, new PrepGenerator.Interview(UUID.randomUUID(), stage,
                "virtual_meeting", focus, "Priya Natarajan", title, Instant.parse("2026-12-08T17:00:00Z")),
                earlier)).sections();
        assertThat(sections).containsOnlyKeys(PrepSection.of(false));
        return sections;
    }

    static <T> T sample(EventType type, Class<T> record) {
        try (InputStream in = OfflinePrepGeneratorTest.class.getClassLoader().getResourceAsStream(type.sampleResource())) {
            return JSON.readValue(in, record);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
