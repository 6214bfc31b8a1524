package org.jobsearch.prep.preparation;

import com.sun.net.httpserver.HttpServer;
import org.jobsearch.events.EventType;
import org.jobsearch.events.JdParsed;
import org.jobsearch.llm.LlmAutoConfiguration;
import org.jobsearch.llm.LlmClient;
import org.jobsearch.llm.LlmFailure;
import org.jobsearch.prep.InterviewPrepIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
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

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final AnthropicStub ANTHROPIC = new AnthropicStub();

    @Autowired
    JdbcTemplate jdbc;

    final JdParsed job = OfflinePrepGeneratorTest.sample(EventType.JD_PARSED, JdParsed.class);

    @BeforeEach
    void reset() {
        ANTHROPIC.replies.clear();
        ANTHROPIC.requests.clear();
    }

    @AfterAll
    static void stop() {
        ANTHROPIC.server.stop(0);
    }

    @Test
    void completeStream_givesEverySection() {
        UUID owner = UUID.randomUUID();
        ANTHROPIC.replies.add(stream(List.of("# formatted_jd\n## Role\nBuild pipelines.\n", "# company_context\n",
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
        assertThat(ANTHROPIC.requests).hasSize(1);
        assertThat(JSON.readTree(ANTHROPIC.requests.get(0)).path("stream").asBoolean()).isTrue();
        assertThat(outcomes(owner)).containsExactly("ok");
    }

    @Test
    void missingSection_getsOneRepairNamingIt_andIsMerged() {
        UUID owner = UUID.randomUUID();
        ANTHROPIC.replies.add(stream(List.of("# prep_plan\nFour phases.\n# predicted_questions\nQ1.\n",
                "# interviewer_questions\n\n# technical_deep_dives\nKafka.\n"), "end_turn"));
        ANTHROPIC.replies.add(stream(List.of("# interviewer_questions\n", "1. What does success look like?\n"),
                "end_turn"));

        withGenerator(generator -> {
            PrepGenerator.Generated generated = generator.interview(interviewInput(owner));

            assertThat(generated.sections()).containsOnlyKeys(PrepSection.of(false))
                    .containsEntry(PrepSection.PREP_PLAN, "Four phases.")
                    .containsEntry(PrepSection.INTERVIEWER_QUESTIONS, "1. What does success look like?")
                    .containsEntry(PrepSection.TECHNICAL_DEEP_DIVES, "Kafka.");
        });
        assertThat(ANTHROPIC.requests).hasSize(2);
        String repair = JSON.readTree(ANTHROPIC.requests.get(1)).path("messages").get(0).path("content").toString();
        assertThat(repair).contains("LACKED THESE SECTIONS").contains("interviewer_questions")
                .doesNotContain("lacked these sections (missing or empty): prep_plan");
        assertThat(outcomes(owner)).containsExactly("ok", "ok");
    }

    @Test
    void missingSectionTwice_isInvalidOutput() {
        UUID owner = UUID.randomUUID();
        ANTHROPIC.replies.add(stream(List.of("# prep_plan\nFour phases.\n"), "end_turn"));
        ANTHROPIC.replies.add(stream(List.of("# predicted_questions\nQ1.\n"), "end_turn"));

        withGenerator(generator -> assertThatThrownBy(() -> generator.interview(interviewInput(owner)))
                .isInstanceOfSatisfying(LlmFailure.class, failure -> {
                    assertThat(failure.reason()).isEqualTo(LlmFailure.Reason.INVALID_OUTPUT);
                    assertThat(failure.getMessage()).contains("interviewer_questions", "technical_deep_dives")
                            .doesNotContain("predicted_questions");
                }));
        assertThat(ANTHROPIC.requests).hasSize(2);
    }

    @Test
    void truncatedStream_fails_withoutRepair_andNothingIsReturned() {
        UUID owner = UUID.randomUUID();
        ANTHROPIC.replies.add(stream(List.of("# formatted_jd\n## Role\nBuild pipe"), "max_tokens"));

        withGenerator(generator -> assertThatThrownBy(() -> generator.base(new PrepGenerator.BaseInput(owner,
                UUID.randomUUID(), job, null)))
                .isInstanceOfSatisfying(LlmFailure.class, failure ->
                        assertThat(failure.reason()).isEqualTo(LlmFailure.Reason.TRUNCATED)));
        assertThat(ANTHROPIC.requests).hasSize(1);
        assertThat(outcomes(owner)).containsExactly("truncated");
    }

    @Test
    void baseAndInterview_sendTheSameCachedSystemPrompt_eachWithItsOwnBudget() {
        UUID owner = UUID.randomUUID();
        ANTHROPIC.replies.add(stream(List.of("# formatted_jd\nJD.\n# company_context\nC.\n# primary_drivers\n**Spark**\n"
                + "# background_narrative\nN.\n# resume_defense_prep\nD.\n"), "end_turn"));
        ANTHROPIC.replies.add(stream(List.of("# prep_plan\nP.\n# predicted_questions\nQ.\n# interviewer_questions\nI.\n"
                + "# technical_deep_dives\nT.\n"), "end_turn"));

        withGenerator(generator -> {
            PrepGenerator.Generated base = generator.base(new PrepGenerator.BaseInput(owner, UUID.randomUUID(), job,
                    null));
            PrepGenerator.InterviewInput in = interviewInput(owner);
            generator.interview(new PrepGenerator.InterviewInput(owner, in.applicationId(), job, null,
                    base.sections(), in.interview(), List.of()));
        });

        tools.jackson.databind.JsonNode base = JSON.readTree(ANTHROPIC.requests.get(0));
        tools.jackson.databind.JsonNode interview = JSON.readTree(ANTHROPIC.requests.get(1));
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

    // ---------------------------------------------------- a minimal stub of Anthropic's SSE stream (as llm-support's)

    static List<String> stream(List<String> pieces, String stopReason) {
        List<String> events = new ArrayList<>();
        events.add(event("message_start", Map.of("type", "message_start", "message", Map.of("id", "msg_stream",
                "type", "message", "role", "assistant", "model", "claude-sonnet-4-5", "content", List.of(),
                "usage", Map.of("input_tokens", 900, "output_tokens", 1, "cache_creation_input_tokens", 0,
                        "cache_read_input_tokens", 0)))));
        events.add(event("content_block_start", Map.of("type", "content_block_start", "index", 0,
                "content_block", Map.of("type", "text", "text", ""))));
        for (String piece : pieces) {
            events.add(event("content_block_delta", Map.of("type", "content_block_delta", "index", 0,
                    "delta", Map.of("type", "text_delta", "text", piece))));
        }
        events.add(event("content_block_stop", Map.of("type", "content_block_stop", "index", 0)));
        Map<String, Object> delta = new HashMap<>();
        delta.put("stop_reason", stopReason);
        delta.put("stop_sequence", null);
        events.add(event("message_delta", Map.of("type", "message_delta", "delta", delta,
                "usage", Map.of("output_tokens", 120))));
        events.add(event("message_stop", Map.of("type", "message_stop")));
        return events;
    }

    private static String event(String name, Object data) {
        return "event: " + name + "\ndata: " + JSON.writeValueAsString(data) + "\n\n";
    }

    /** Answers each request with the next scripted event stream and keeps the request bodies. */
    static final class AnthropicStub {
        final Queue<List<String>> replies = new ConcurrentLinkedQueue<>();
        final List<String> requests = new CopyOnWriteArrayList<>();
        final HttpServer server;

        AnthropicStub() {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/", exchange -> {
                try (exchange) {
                    requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                    List<String> events = replies.poll();
                    if (events == null) {
                        byte[] error = "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"no reply\"}}"
                                .getBytes(StandardCharsets.UTF_8);
                        exchange.getResponseHeaders().add("Content-Type", "application/json");
                        exchange.sendResponseHeaders(500, error.length);
                        exchange.getResponseBody().write(error);
                        return;
                    }
                    exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
                    exchange.sendResponseHeaders(200, 0);
                    OutputStream out = exchange.getResponseBody();
                    for (String event : events) {
                        out.write(event.getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }
    }
}
