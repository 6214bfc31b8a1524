package org.jobsearch.prep.preparation;

import org.jobsearch.events.EventType;
import org.jobsearch.events.JdParsed;
import org.jobsearch.llm.LlmAutoConfiguration;
import org.jobsearch.llm.LlmClient;
import org.jobsearch.llm.LlmFailure;
import org.jobsearch.prep.InterviewPrepIntegrationTest;
import org.jobsearch.testkit.LlmProviderStub;
import org.jobsearch.testkit.LlmProviderStub.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link LlmPrepGenerator} on a real Anthropic client (llm-support's) talking to a local stub of Anthropic's streaming
 * Messages API, with the ledger in the service's database: a complete answer, a missing section repaired by one more
 * call, and a truncated stream that fails (nothing returned for the worker to save).
 */
@InterviewPrepIntegrationTest
class LlmPrepGeneratorTest {

    static final LlmProviderStub ANTHROPIC = LlmProviderStub.start();

    @Autowired
    JdbcTemplate jdbc;

    final JdParsed job = OfflinePrepGeneratorTest.sample(EventType.JD_PARSED, JdParsed.class);

    @BeforeEach
    void reset() {
        ANTHROPIC.reset();
    }

    @AfterAll
    static void stop() {
        ANTHROPIC.close();
    }

    @Test
    void completeStream_givesEverySection() {
        UUID owner = UUID.randomUUID();
        ANTHROPIC.enqueue(stream(List.of("# formatted_jd\n## Role\nBuild pipelines.\n", "# company_context\n",
                "Payments.\n# primary_drivers\n**Spark**: both.\n", "# background_narrative\nI build data.\n",
                "# resume_defense_prep\n### Resume Bullet: \"x\"\nDefend it.\n"), "end_turn"));

        withGenerator(generator -> {
            PrepGenerator.Generated generated = generator.base(new PrepGenerator.BaseInput(owner, UUID.randomUUID(),
                    job, null));

            assertThat(generated.generator()).isEqualTo("anthropic/claude-sonnet-4-5");
            assertThat(generated.sections()).containsOnlyKeys(PrepSection.of(true))
                    .containsEntry(PrepSection.FORMATTED_JD, "## Role\nBuild pipelines.")
                    .containsEntry(PrepSection.RESUME_DEFENSE, "### Resume Bullet: \"x\"\nDefend it.");
        });
        assertThat(ANTHROPIC.requests()).hasSize(1);
        assertThat(ANTHROPIC.requests().get(0).json().path("stream").asBoolean()).isTrue();
        assertThat(outcomes(owner)).containsExactly("ok");
    }

    @Test
    void missingSection_getsOneRepairNamingIt_andIsMerged() {
        UUID owner = UUID.randomUUID();
        ANTHROPIC.enqueue(stream(List.of("# prep_plan\nFour phases.\n# predicted_questions\nQ1.\n",
                "# interviewer_questions\n\n# technical_deep_dives\nKafka.\n"), "end_turn"));
        ANTHROPIC.enqueue(stream(List.of("# interviewer_questions\n", "1. What does success look like?\n"),
                "end_turn"));

        withGenerator(generator -> {
            PrepGenerator.Generated generated = generator.interview(interviewInput(owner));

            assertThat(generated.sections()).containsOnlyKeys(PrepSection.of(false))
                    .containsEntry(PrepSection.PREP_PLAN, "Four phases.")
                    .containsEntry(PrepSection.INTERVIEWER_QUESTIONS, "1. What does success look like?")
                    .containsEntry(PrepSection.TECHNICAL_DEEP_DIVES, "Kafka.");
        });
        assertThat(ANTHROPIC.requests()).hasSize(2);
        String repair = ANTHROPIC.requests().get(1).json().path("messages").get(0).path("content").toString();
        assertThat(repair).contains("LACKED THESE SECTIONS").contains("interviewer_questions")
                .doesNotContain("lacked these sections (missing or empty): prep_plan");
        assertThat(outcomes(owner)).containsExactly("ok", "ok");
    }

    @Test
    void missingSectionTwice_isInvalidOutput() {
        UUID owner = UUID.randomUUID();
        ANTHROPIC.enqueue(stream(List.of("# prep_plan\nFour phases.\n"), "end_turn"));
        ANTHROPIC.enqueue(stream(List.of("# predicted_questions\nQ1.\n"), "end_turn"));

        withGenerator(generator -> assertThatThrownBy(() -> generator.interview(interviewInput(owner)))
                .isInstanceOfSatisfying(LlmFailure.class, failure -> {
                    assertThat(failure.reason()).isEqualTo(LlmFailure.Reason.INVALID_OUTPUT);
                    assertThat(failure.getMessage()).contains("interviewer_questions", "technical_deep_dives")
                            .doesNotContain("predicted_questions");
                }));
        assertThat(ANTHROPIC.requests()).hasSize(2);
    }

    @Test
    void truncatedStream_fails_withoutRepair_andNothingIsReturned() {
        UUID owner = UUID.randomUUID();
        ANTHROPIC.enqueue(stream(List.of("# formatted_jd\n## Role\nBuild pipe"), "max_tokens"));

        withGenerator(generator -> assertThatThrownBy(() -> generator.base(new PrepGenerator.BaseInput(owner,
                UUID.randomUUID(), job, null)))
                .isInstanceOfSatisfying(LlmFailure.class, failure ->
                        assertThat(failure.reason()).isEqualTo(LlmFailure.Reason.TRUNCATED)));
        assertThat(ANTHROPIC.requests()).hasSize(1);
        assertThat(outcomes(owner)).containsExactly("truncated");
    }

    @Test
    void baseAndInterview_sendTheSameCachedSystemPrompt_eachWithItsOwnBudget() {
        UUID owner = UUID.randomUUID();
        ANTHROPIC.enqueue(stream(List.of("# formatted_jd\nJD.\n# company_context\nC.\n# primary_drivers\n**Spark**\n"
                + "# background_narrative\nN.\n# resume_defense_prep\nD.\n"), "end_turn"));
        ANTHROPIC.enqueue(stream(List.of("# prep_plan\nP.\n# predicted_questions\nQ.\n# interviewer_questions\nI.\n"
                + "# technical_deep_dives\nT.\n"), "end_turn"));

        withGenerator(generator -> {
            PrepGenerator.Generated base = generator.base(new PrepGenerator.BaseInput(owner, UUID.randomUUID(), job,
                    null));
            PrepGenerator.InterviewInput in = interviewInput(owner);
            generator.interview(new PrepGenerator.InterviewInput(owner, in.applicationId(), job, null,
                    base.sections(), in.interview(), List.of()));
        });

        JsonNode base = ANTHROPIC.requests().get(0).json();
        JsonNode interview = ANTHROPIC.requests().get(1).json();
        assertThat(base.path("system")).isEqualTo(interview.path("system"));
        assertThat(base.path("system").path(0).path("cache_control").path("type").asString()).isEqualTo("ephemeral");
        assertThat(base.path("system").path(0).path("text").asString()).contains(job.rawJd());
        assertThat(base.path("max_tokens").asInt()).isEqualTo(3000);
        assertThat(interview.path("max_tokens").asInt()).isEqualTo(5000);
        assertThat(base.path("messages").toString()).contains("BASE PREP", "under 1800 words");
        assertThat(interview.path("messages").toString()).contains("prep_plan", "3-5 questions", "under 3000 words",
                "INTERVIEW FOCUS: Coding");
    }

    private PrepGenerator.InterviewInput interviewInput(UUID owner) {
        UUID applicationId = UUID.randomUUID();
        PrepGenerator.Interview interview = new PrepGenerator.Interview(UUID.randomUUID(), "technical_screen",
                "virtual_meeting", "coding", "Ada", "Staff Engineer", java.time.Instant.now().plusSeconds(86_400));
        return new PrepGenerator.InterviewInput(owner, applicationId, job, null,
                Map.of(PrepSection.PRIMARY_DRIVERS, "**Spark**"), interview, List.of());
    }

    /** The service's generator on llm-support's Anthropic client, pointed at the stub (no retries). */
    private void withGenerator(Consumer<LlmPrepGenerator> test) {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(LlmAutoConfiguration.class))
                .withBean(JdbcTemplate.class, () -> jdbc)
                .withPropertyValues("jobsearch.llm.provider=anthropic", "jobsearch.llm.api-key=sk-ant-stub",
                        "jobsearch.llm.base-url=" + ANTHROPIC.url() + "/v1/", "jobsearch.llm.max-retries=0")
                .run(context -> test.accept(new LlmPrepGenerator(context.getBean(LlmClient.class), 3000, 5000)));
    }

    private List<String> outcomes(UUID owner) {
        return jdbc.queryForList("select outcome from llm_call where owner_id = ? order by created_at", String.class,
                owner);
    }

    /** A complete stream of the pieces ending with {@code stopReason}, with the same usage every time. */
    static Reply stream(List<String> pieces, String stopReason) {
        return Reply.sse(LlmProviderStub.anthropicStream(pieces, stopReason, 900, 120, 0, 0));
    }
}
