package org.jobsearch.llm;

import org.jobsearch.testkit.LlmProviderStub;
import org.jobsearch.testkit.LlmProviderStub.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jobsearch.testkit.LlmProviderStub.anthropic;
import static org.jobsearch.testkit.LlmProviderStub.anthropicError;
import static org.jobsearch.testkit.LlmProviderStub.anthropicStream;

/** The real langchain4j Anthropic client against a stub of the Messages API. */
@ExtendWith(OutputCaptureExtension.class)
class AnthropicLlmClientTest extends LlmIntegrationTest {

    static final String SYSTEM = "You turn job descriptions into JSON. Experience base: ...";
    static final String VALID = """
            {"company": "Acme", "title": "Platform Engineer", "minYears": 5,
             "requirements": [{"text": "Run Kubernetes", "keywords": ["Kubernetes"], "relevance": 0.9}]}""";
    static final String INVALID = """
            {"company": " ", "title": "Platform Engineer",
             "requirements": [{"text": "Run Kubernetes", "keywords": [], "relevance": 3}]}""";

    static LlmCall jdParse(UUID ownerId, UUID jobId) {
        return LlmCall.builder(ownerId, "jd_parse").jobId(jobId).systemContext(SYSTEM)
                .userMessage("Job description: Acme is hiring a Platform Engineer...").maxOutputTokens(3000).build();
    }

    @Test
    void structuredAnswer_isTypedAndValidated_andLedgerRowCarriesCacheTokensAndCost(CapturedOutput output) {
        UUID owner = UUID.randomUUID();
        UUID job = UUID.randomUUID();
        ANTHROPIC.enqueue(
                Reply.ok(anthropic(VALID, "end_turn", 120, 45, 2000, 0)),
                Reply.ok(anthropic(VALID, "end_turn", 130, 45, 0, 2000)));

        LlmResult<JobPosting> first = llm.structured(jdParse(owner, job), JobPosting.class);
        LlmResult<JobPosting> second = llm.structured(jdParse(owner, job), JobPosting.class);

        assertThat(first.value().company()).isEqualTo("Acme");
        assertThat(first.value().requirements()).singleElement()
                .satisfies(requirement -> assertThat(requirement.relevance()).isEqualTo(0.9));
        assertThat(first.outcome()).isEqualTo(LlmOutcome.OK);
        assertThat(first.usage()).isEqualTo(new LlmUsage(120, 2000, 0, 45));
        // 120 x $3 + 2000 x $3 x 1.25 + 45 x $15, per million
        assertThat(first.costUsd()).isEqualByComparingTo("0.008535");
        // 130 x $3 + 2000 x $3 x 0.1 + 45 x $15, per million
        assertThat(second.costUsd()).isEqualByComparingTo("0.001665");

        LlmProviderStub.Request request = ANTHROPIC.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v1/messages");
        assertThat(request.header("x-api-key")).isEqualTo(API_KEY);
        assertThat(request.header("anthropic-version")).isEqualTo("2023-06-01");
        JsonNode body = request.json();
        assertThat(body.path("model").asString()).isEqualTo("claude-sonnet-4-5");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(3000);
        assertThat(body.path("system").get(0).path("text").asString()).isEqualTo(SYSTEM);
        assertThat(body.path("system").get(0).path("cache_control").path("type").asString()).isEqualTo("ephemeral");
        String userText = body.path("messages").get(0).path("content").get(0).path("text").asString();
        assertThat(userText).startsWith("Job description:").contains("Reply with exactly one JSON object")
                .contains("\"company\": string");

        List<Map<String, Object>> rows = rows(owner);
        assertThat(rows).hasSize(2);
        Map<String, Object> row = rows.get(0);
        assertThat(row).containsEntry("purpose", "jd_parse").containsEntry("provider", "anthropic")
                .containsEntry("model", "claude-sonnet-4-5").containsEntry("outcome", "ok")
                .containsEntry("job_id", job).containsEntry("input_tokens", 120L)
                .containsEntry("cache_write_tokens", 2000L).containsEntry("cache_read_tokens", 0L)
                .containsEntry("output_tokens", 45L).containsEntry("attempts", 1);
        assertThat((BigDecimal) row.get("cost_usd")).isEqualByComparingTo("0.008535");
        long sentCharacters = SYSTEM.length() + userText.length();
        assertThat(row.get("estimated_input_tokens")).isEqualTo((long) Math.ceil(sentCharacters / 3.5));
        assertThat(rows.get(1)).containsEntry("cache_read_tokens", 2000L);
        assertThat((BigDecimal) rows.get(1).get("cost_usd")).isEqualByComparingTo("0.001665");

        assertThat(output.getAll()).contains("llm call purpose=jd_parse").doesNotContain(API_KEY);
        assertThat(properties.toString()).doesNotContain(API_KEY).contains("apiKey=****");
    }

    @Test
    void malformedJson_getsOneRepairAttemptWithTheProblem_andSucceeds() {
        UUID owner = UUID.randomUUID();
        ANTHROPIC.enqueue(
                Reply.ok(anthropic("```json\n{\"company\": \"Acme\", \"title\": ", "end_turn", 100, 10, 0, 0)),
                Reply.ok(anthropic(VALID, "end_turn", 150, 45, 0, 0)));

        LlmResult<JobPosting> result = llm.structured(jdParse(owner, null), JobPosting.class);

        assertThat(result.outcome()).isEqualTo(LlmOutcome.REPAIRED);
        assertThat(result.calls()).isEqualTo(2);
        assertThat(result.value().title()).isEqualTo("Platform Engineer");
        assertThat(result.usage()).isEqualTo(new LlmUsage(250, 0, 0, 55));
        JsonNode repair = ANTHROPIC.requests().get(1).json().path("messages");
        assertThat(repair.size()).isEqualTo(3);
        assertThat(repair.get(1).path("role").asString()).isEqualTo("assistant");
        assertThat(repair.get(2).path("content").get(0).path("text").asString())
                .contains("could not be used").contains("the JSON does not parse");
        assertThat(rows(owner)).extracting(row -> row.get("outcome")).containsExactly("invalid", "repaired");
    }

    @Test
    void callersCheck_rejectsAValidAnswer_andItsProblemsGoIntoTheOneRepair() {
        UUID owner = UUID.randomUUID();
        String claimsSeven = VALID.replace("\"minYears\": 5", "\"minYears\": 7");
        ANTHROPIC.enqueue(
                Reply.ok(anthropic(claimsSeven, "end_turn", 100, 40, 0, 0)),
                Reply.ok(anthropic(VALID, "end_turn", 160, 45, 0, 0)));
        java.util.function.Function<JobPosting, List<String>> statedInTheJd = posting ->
                posting.minYears() != null && posting.minYears() != 5
                        ? List.of("minYears: " + posting.minYears() + " is not stated in the job description")
                        : List.of();

        LlmResult<JobPosting> result = llm.structured(jdParse(owner, null), JobPosting.class, statedInTheJd);

        assertThat(result.outcome()).isEqualTo(LlmOutcome.REPAIRED);
        assertThat(result.value().minYears()).isEqualTo(5);
        JsonNode repair = ANTHROPIC.requests().get(1).json().path("messages");
        assertThat(repair.get(2).path("content").get(0).path("text").asString())
                .contains("minYears: 7 is not stated in the job description");
        assertThat(rows(owner)).extracting(row -> row.get("outcome")).containsExactly("invalid", "repaired");
        assertThat(rows(owner).get(0).get("error")).asString().contains("minYears: 7 is not stated");

        ANTHROPIC.enqueue(
                Reply.ok(anthropic(claimsSeven, "end_turn", 100, 40, 0, 0)),
                Reply.ok(anthropic(claimsSeven, "end_turn", 160, 40, 0, 0)));
        assertThatThrownBy(() -> llm.structured(jdParse(owner, null), JobPosting.class, statedInTheJd))
                .isInstanceOfSatisfying(LlmFailure.class, failure -> {
                    assertThat(failure.reason()).isEqualTo(LlmFailure.Reason.INVALID_OUTPUT);
                    assertThat(failure.getMessage()).contains("minYears: 7 is not stated");
                });
    }

    @Test
    void invalidTwice_isAFailure_andNothingIsReturned() {
        UUID owner = UUID.randomUUID();
        ANTHROPIC.enqueue(
                Reply.ok(anthropic(INVALID, "end_turn", 100, 40, 0, 0)),
                Reply.ok(anthropic(INVALID, "end_turn", 160, 40, 0, 0)));

        assertThatThrownBy(() -> llm.structured(jdParse(owner, null), JobPosting.class))
                .isInstanceOfSatisfying(LlmFailure.class, failure -> {
                    assertThat(failure.reason()).isEqualTo(LlmFailure.Reason.INVALID_OUTPUT);
                    assertThat(failure.purpose()).isEqualTo("jd_parse");
                    assertThat(failure.getMessage()).contains("company: must not be blank")
                            .contains("requirements[0].relevance");
                });

        assertThat(ANTHROPIC.requests()).hasSize(2);
        assertThat(ANTHROPIC.requests().get(1).json().path("messages").get(2).path("content").get(0).path("text")
                .asString()).contains("company: must not be blank");
        assertThat(rows(owner)).extracting(row -> row.get("outcome")).containsExactly("invalid", "invalid");
    }

    @Test
    void rateLimited429_isRetried() {
        UUID owner = UUID.randomUUID();
        ANTHROPIC.enqueue(
                Reply.status(429,
                        anthropicError("rate_limit_error", "Number of requests has exceeded your rate limit")),
                Reply.ok(anthropic(VALID, "end_turn", 100, 45, 0, 0)));

        LlmResult<JobPosting> result = llm.structured(jdParse(owner, null), JobPosting.class);

        assertThat(result.outcome()).isEqualTo(LlmOutcome.OK);
        assertThat(ANTHROPIC.requests()).hasSize(2);
        assertThat(rows(owner)).singleElement().satisfies(row ->
                assertThat(row).containsEntry("outcome", "ok").containsEntry("attempts", 2));
    }

    @Test
    void overloaded529_isRetried() {
        UUID owner = UUID.randomUUID();
        ANTHROPIC.enqueue(
                Reply.status(529, anthropicError("overloaded_error", "Overloaded")),
                Reply.status(529, anthropicError("overloaded_error", "Overloaded")),
                Reply.ok(anthropic(VALID, "end_turn", 100, 45, 0, 0)));

        LlmResult<JobPosting> result = llm.structured(jdParse(owner, null), JobPosting.class);

        assertThat(result.value().company()).isEqualTo("Acme");
        assertThat(ANTHROPIC.requests()).hasSize(3);
        assertThat(rows(owner)).singleElement().satisfies(row -> assertThat(row).containsEntry("attempts", 3));
    }

    @Test
    void timeout_isRetriedThenAFailure() {
        UUID owner = UUID.randomUUID();
        LlmClient impatient = client(settings(LlmProperties.Provider.ANTHROPIC, ANTHROPIC.url() + "/v1/", null,
                API_KEY, Duration.ofMillis(300), 1, usd("5.00"), null));
        ANTHROPIC.enqueue(
                Reply.ok(anthropic(VALID, "end_turn", 100, 45, 0, 0)).after(Duration.ofMillis(1500)),
                Reply.ok(anthropic(VALID, "end_turn", 100, 45, 0, 0)).after(Duration.ofMillis(1500)));

        assertThatThrownBy(() -> impatient.structured(jdParse(owner, null), JobPosting.class))
                .isInstanceOfSatisfying(LlmFailure.class, failure ->
                        assertThat(failure.reason()).isEqualTo(LlmFailure.Reason.PROVIDER_ERROR));

        assertThat(ANTHROPIC.requests()).hasSize(2);
        assertThat(rows(owner)).singleElement().satisfies(row ->
                assertThat(row).containsEntry("outcome", "error").containsEntry("attempts", 2));
    }

    @Test
    void badRequest400_isNotRetried() {
        UUID owner = UUID.randomUUID();
        ANTHROPIC.enqueue(Reply.status(400, anthropicError("invalid_request_error", "max_tokens: too large")));

        assertThatThrownBy(() -> llm.structured(jdParse(owner, null), JobPosting.class))
                .isInstanceOfSatisfying(LlmFailure.class, failure -> {
                    assertThat(failure.reason()).isEqualTo(LlmFailure.Reason.PROVIDER_ERROR);
                    assertThat(failure.getMessage()).contains("max_tokens: too large");
                });

        assertThat(ANTHROPIC.requests()).hasSize(1);
        assertThat(rows(owner)).singleElement().satisfies(row ->
                assertThat(row).containsEntry("outcome", "error").containsEntry("attempts", 1));
    }

    @Test
    void overBudget_refusesBeforeAnyHttpCall_andRecordsIt() {
        UUID owner = UUID.randomUUID();
        UUID otherOwner = UUID.randomUUID();
        ledger.record(new CostLedger.Entry(owner, null, null, "prep_interview", "anthropic", "claude-sonnet-4-5", 6000,
                new LlmUsage(6000, 0, 0, 330_000), usd("4.98"), 1000, 1, LlmOutcome.OK, null));
        ANTHROPIC.enqueue(Reply.ok(anthropic(VALID, "end_turn", 100, 45, 0, 0)));

        // worst case: the estimated input plus 3,000 output tokens at $15 per million = more than $0.02 left
        assertThatThrownBy(() -> llm.structured(jdParse(owner, null), JobPosting.class))
                .isInstanceOfSatisfying(LlmBudgetExceeded.class, exceeded -> {
                    assertThat(exceeded.reason()).isEqualTo(LlmFailure.Reason.BUDGET_EXCEEDED);
                    assertThat(exceeded.spentUsd()).isEqualByComparingTo("4.98");
                    assertThat(exceeded.budgetUsd()).isEqualByComparingTo("5.00");
                });

        assertThat(ANTHROPIC.requests()).isEmpty();
        assertThat(rows(owner)).extracting(row -> row.get("outcome")).containsExactly("ok", "budget_exceeded");
        assertThat((BigDecimal) rows(owner).get(1).get("cost_usd")).isEqualByComparingTo("0");

        // another owner's spend is not this one's
        LlmResult<JobPosting> other = llm.structured(jdParse(otherOwner, null), JobPosting.class);
        assertThat(other.outcome()).isEqualTo(LlmOutcome.OK);
    }

    @Test
    void streamedText_isReturnedOnlyWhenComplete() {
        UUID owner = UUID.randomUUID();
        ANTHROPIC.enqueue(Reply.sse(anthropicStream(List.of("## Company\n", "Acme builds ", "rockets."),
                "end_turn", 900, 12, 0, 1500)));
        List<String> pieces = new CopyOnWriteArrayList<>();

        LlmResult<String> result = llm.streamText(LlmCall.builder(owner, "prep_base").systemContext(SYSTEM)
                .userMessage("Write the base preparation.").maxOutputTokens(8000).build(), pieces::add);

        assertThat(result.value()).isEqualTo("## Company\nAcme builds rockets.");
        assertThat(pieces).containsExactly("## Company\n", "Acme builds ", "rockets.");
        assertThat(result.usage()).isEqualTo(new LlmUsage(900, 0, 1500, 12));
        JsonNode body = ANTHROPIC.requests().get(0).json();
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("max_tokens").asInt()).isEqualTo(8000);
        assertThat(body.path("system").get(0).path("cache_control").path("type").asString()).isEqualTo("ephemeral");
        assertThat(rows(owner)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("outcome", "ok").containsEntry("cache_read_tokens", 1500L)
                .containsEntry("output_tokens", 12L));
    }

    @Test
    void streamStoppedByMaxTokens_isTruncated_notComplete() {
        UUID owner = UUID.randomUUID();
        ANTHROPIC.enqueue(Reply.sse(anthropicStream(List.of("## Company\n", "Acme builds"), "max_tokens", 900, 20, 0,
                0)));

        assertThatThrownBy(() -> llm.streamText(LlmCall.builder(owner, "prep_interview")
                .userMessage("Write the interview preparation.").maxOutputTokens(20).build()))
                .isInstanceOfSatisfying(LlmFailure.class, failure -> {
                    assertThat(failure.reason()).isEqualTo(LlmFailure.Reason.TRUNCATED);
                    assertThat(failure.getMessage()).contains("output limit of 20 tokens");
                });

        assertThat(rows(owner)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("outcome", "truncated").containsEntry("output_tokens", 20L));
    }

    @Test
    void streamThatBreaksOffMidAnswer_isTruncated_andNotRetried() {
        UUID owner = UUID.randomUUID();
        // no message_delta, no message_stop: the connection just ends
        ANTHROPIC.enqueue(Reply.sse(anthropicStream(List.of("## Company\n", "Acme bu"), null, 900, 0, 0, 0)),
                Reply.sse(anthropicStream(List.of("never sent"), "end_turn", 900, 5, 0, 0)));

        assertThatThrownBy(() -> llm.streamText(LlmCall.builder(owner, "prep_interview")
                .userMessage("Write the interview preparation.").maxOutputTokens(8000).build()))
                .isInstanceOfSatisfying(LlmFailure.class, failure ->
                        assertThat(failure.reason()).isEqualTo(LlmFailure.Reason.TRUNCATED));

        assertThat(ANTHROPIC.requests()).hasSize(1);
        assertThat(rows(owner)).singleElement().satisfies(row -> assertThat(row).containsEntry("outcome", "truncated"));
    }

    @Test
    void streamRefusedWith529BeforeAnyText_isRetried() {
        UUID owner = UUID.randomUUID();
        ANTHROPIC.enqueue(Reply.status(529, anthropicError("overloaded_error", "Overloaded")),
                Reply.sse(anthropicStream(List.of("Done."), "end_turn", 50, 2, 0, 0)));

        LlmResult<String> result = llm.streamText(LlmCall.builder(owner, "prep_base")
                .userMessage("Write it.").maxOutputTokens(100).build());

        assertThat(result.value()).isEqualTo("Done.");
        assertThat(ANTHROPIC.requests()).hasSize(2);
    }
}
