package org.jobsearch.llm;

import org.jobsearch.testkit.LlmProviderStub;
import org.jobsearch.testkit.LlmProviderStub.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jobsearch.testkit.LlmProviderStub.openAi;
import static org.jobsearch.testkit.LlmProviderStub.openAiStream;

/** The real langchain4j OpenAI client against a stub of an OpenAI-compatible server (as Ollama or LM Studio). */
class OpenAiCompatibleLlmClientTest extends LlmIntegrationTest {

    static final LlmProviderStub OPENAI = LlmProviderStub.start();

    LlmClient local;

    @BeforeEach
    void localServer() {
        OPENAI.reset();
        local = client(settings(LlmProperties.Provider.OPENAI, OPENAI.url() + "/v1", "llama3.1", null,
                Duration.ofSeconds(3), 1, usd("5.00"), Map.of("llama3.1", new LlmProperties.Price(
                        usd("1.00"), usd("2.00"), usd("1.25"), usd("0.5")))));
    }

    @AfterAll
    static void stop() {
        OPENAI.close();
    }

    @Test
    void structuredAnswer_viaChatCompletions() {
        UUID owner = UUID.randomUUID();
        OPENAI.enqueue(Reply.ok(openAi(AnthropicLlmClientTest.VALID, "stop", 1000, 50, 400)));

        LlmResult<JobPosting> result = local.structured(LlmCall.builder(owner, "jd_parse")
                .systemContext("You parse job descriptions.").userMessage("Job description: ...")
                .maxOutputTokens(1500).build(), JobPosting.class);

        assertThat(result.value().company()).isEqualTo("Acme");
        assertThat(result.provider()).isEqualTo("openai");
        // OpenAI counts cached tokens inside prompt_tokens: 600 uncached + 400 read from the cache
        assertThat(result.usage()).isEqualTo(new LlmUsage(600, 0, 400, 50));
        // 600 x $1 + 400 x $1 x 0.5 + 50 x $2, per million
        assertThat(result.costUsd()).isEqualByComparingTo("0.0009");

        LlmProviderStub.Request request = OPENAI.requests().get(0);
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        JsonNode body = request.json();
        assertThat(body.path("model").asString()).isEqualTo("llama3.1");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(1500);
        assertThat(body.path("messages").get(0).path("role").asString()).isEqualTo("system");
        assertThat(body.path("messages").get(1).path("content").asString()).contains("Reply with exactly one JSON object");
        assertThat(rows(owner)).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("provider", "openai").containsEntry("model", "llama3.1")
                    .containsEntry("outcome", "ok").containsEntry("cache_read_tokens", 400L);
            assertThat((BigDecimal) row.get("cost_usd")).isEqualByComparingTo("0.0009");
        });
    }

    @Test
    void streamedAnswer_viaChatCompletions() {
        UUID owner = UUID.randomUUID();
        OPENAI.enqueue(Reply.sse(openAiStream(List.of("Tell me ", "about ", "yourself."), "stop", 300, 6)));

        LlmResult<String> result = local.streamText(LlmCall.builder(owner, "prep_base")
                .userMessage("Write the base preparation.").maxOutputTokens(2000).build());

        assertThat(result.value()).isEqualTo("Tell me about yourself.");
        assertThat(result.usage()).isEqualTo(new LlmUsage(300, 0, 0, 6));
        assertThat(OPENAI.requests().get(0).json().path("stream").asBoolean()).isTrue();
        assertThat(rows(owner)).singleElement().satisfies(row -> assertThat(row).containsEntry("outcome", "ok"));
    }
}
