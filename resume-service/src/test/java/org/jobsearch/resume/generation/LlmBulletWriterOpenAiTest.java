package org.jobsearch.resume.generation;

import org.jobsearch.testkit.LlmProviderStub;
import org.jobsearch.testkit.LlmProviderStub.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jobsearch.testkit.LlmProviderStub.openAi;
import static org.jobsearch.testkit.LlmProviderStub.openAiError;

/** The bullet writer with the real langchain4j OpenAI client against a stub of an OpenAI-compatible server. */
class LlmBulletWriterOpenAiTest extends LlmBulletWriterProviderTest {

    static final LlmProviderStub STUB = LlmProviderStub.start();

    @AfterAll
    static void stop() {
        STUB.close();
    }

    @Override
    LlmProviderStub stub() {
        return STUB;
    }

    @Override
    String[] settings() {
        return new String[] {"jobsearch.llm.provider=openai", "jobsearch.llm.base-url=" + STUB.url() + "/v1",
                "jobsearch.llm.model=gpt-4o-mini", "jobsearch.llm.api-key=sk-stub",
                "jobsearch.llm.prices.gpt-4o-mini.input-per-mtok=0.15",
                "jobsearch.llm.prices.gpt-4o-mini.output-per-mtok=0.60",
                "jobsearch.llm.prices.gpt-4o-mini.cache-read-multiplier=0.5"};
    }

    @Override
    String provider() {
        return "openai";
    }

    @Override
    String answer(String text) {
        return openAi(text, "stop", 3000, 700, 1000);
    }

    @Override
    String truncated(String text) {
        return openAi(text, "length", 3000, 1800, 0);
    }

    @Override
    Reply rateLimited() {
        return Reply.status(429, openAiError("rate_limit_exceeded", "Rate limit reached for requests"));
    }

    @Override
    Object[] okUsage() {
        // cached tokens move out of the prompt tokens: 2,000 x $0.15 + 1,000 x $0.15 x 0.5 + 700 x $0.60, per million
        return new Object[] {2000L, 0L, 1000L, 700L, "0.000795"};
    }

    @Override
    String systemPrompt(JsonNode request) {
        return request.path("messages").get(0).path("content").asString();
    }

    @Override
    List<String> userMessages(JsonNode request) {
        List<String> texts = new ArrayList<>();
        request.path("messages").forEach(m -> {
            if (m.path("role").asString().equals("user")) {
                texts.add(m.path("content").asString());
            }
        });
        return texts;
    }

    @Test
    void serverOverloaded503_thenAnswered_isRetried() {
        STUB.enqueue(Reply.status(503, openAiError("server_error", "The server is overloaded")),
                Reply.ok(answer(json(faithful.bullets()))));
        run(ctx -> {
            assertThat(writer(ctx).write(request).bullets()).isEqualTo(faithful.bullets());
            assertThat(rows(ctx)).singleElement().satisfies(row -> assertThat(row)
                    .containsEntry("outcome", "ok").containsEntry("attempts", 2));
        });
    }

    @Test
    void theSystemPromptComesFirst() {
        STUB.enqueue(Reply.ok(answer(json(faithful.bullets()))));
        run(ctx -> {
            writer(ctx).write(request);
            JsonNode sent = STUB.requests().get(0).json();
            assertThat(sent.path("messages").get(0).path("role").asString()).isEqualTo("system");
            assertThat(sent.path("model").asString()).isEqualTo("gpt-4o-mini");
        });
    }
}
