package org.jobsearch.resume.generation;

import org.jobsearch.llm.LlmClient;
import org.jobsearch.testkit.LlmProviderStub;
import org.jobsearch.testkit.LlmProviderStub.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jobsearch.testkit.LlmProviderStub.anthropic;
import static org.jobsearch.testkit.LlmProviderStub.anthropicError;

/** The bullet writer with the real langchain4j Anthropic client against a stub of the Messages API. */
class LlmBulletWriterAnthropicTest extends LlmBulletWriterProviderTest {

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
        return new String[] {"jobsearch.llm.provider=anthropic", "jobsearch.llm.base-url=" + STUB.url() + "/v1/",
                "jobsearch.llm.api-key=sk-ant-stub"};
    }

    @Override
    String provider() {
        return "anthropic";
    }

    @Override
    String answer(String text) {
        return anthropic(text, "end_turn", 600, 700, 2100, 0);
    }

    @Override
    String truncated(String text) {
        return anthropic(text, "max_tokens", 600, 1800, 2100, 0);
    }

    @Override
    Reply rateLimited() {
        return Reply.status(429, anthropicError("rate_limit_error", "Number of request tokens has exceeded your "
                + "per-minute rate limit"));
    }

    @Override
    Object[] okUsage() {
        // 600 x $3 + 2,100 x $3 x 1.25 + 700 x $15, per million
        return new Object[] {600L, 2100L, 0L, 700L, "0.020175"};
    }

    @Override
    String systemPrompt(JsonNode request) {
        StringBuilder text = new StringBuilder();
        request.path("system").forEach(block -> text.append(block.path("text").asString()));
        return text.toString();
    }

    @Override
    List<String> userMessages(JsonNode request) {
        List<String> texts = new ArrayList<>();
        request.path("messages").forEach(m -> {
            if (m.path("role").asString().equals("user")) {
                StringBuilder text = new StringBuilder();
                if (m.path("content").isString()) {
                    text.append(m.path("content").asString());
                } else {
                    m.path("content").forEach(c -> text.append(c.path("text").asString()));
                }
                texts.add(text.toString());
            }
        });
        return texts;
    }

    @Test
    void overloaded529_thenAnswered_isRetried() {
        STUB.enqueue(Reply.status(529, anthropicError("overloaded_error", "Overloaded")),
                Reply.ok(answer(json(faithful.bullets()))));
        run(ctx -> {
            assertThat(writer(ctx).write(request).bullets()).isEqualTo(faithful.bullets());
            assertThat(rows(ctx)).singleElement().satisfies(row -> assertThat(row)
                    .containsEntry("outcome", "ok").containsEntry("attempts", 2));
        });
    }

    @Test
    void theExperienceBase_isSentAsACachedSystemPrompt() {
        STUB.enqueue(Reply.ok(answer(json(faithful.bullets()))));
        run(ctx -> {
            writer(ctx).write(request);

            JsonNode system = STUB.requests().get(0).json().path("system");
            assertThat(system.get(system.size() - 1).path("cache_control").path("type").asString())
                    .isEqualTo("ephemeral");
            assertThat(ctx.getBean(LlmClient.class).model()).isEqualTo("claude-sonnet-4-5");
        });
    }
}
