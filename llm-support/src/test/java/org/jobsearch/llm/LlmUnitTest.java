package org.jobsearch.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import jakarta.validation.Validation;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rules without Spring: token estimate, pricing, JSON shape and parsing, retry classification. */
class LlmUnitTest {

    @Test
    void tokenEstimate_isCeilOfCharactersOver3point5() {
        assertThat(TokenEstimate.ofCharacters(0)).isZero();
        assertThat(TokenEstimate.ofCharacters(1)).isEqualTo(1);
        assertThat(TokenEstimate.ofCharacters(7)).isEqualTo(2);
        assertThat(TokenEstimate.ofCharacters(8)).isEqualTo(3);
        assertThat(TokenEstimate.ofCharacters(3500)).isEqualTo(1000);
        assertThat(TokenEstimate.of("abc", null, "defg")).isEqualTo(2);
    }

    @Test
    void price_chargesCacheWritesAndReadsAtTheirMultipliers() {
        LlmProperties.Price sonnet = LlmProperties.DEFAULT_PRICES.get("claude-sonnet-4-5");
        // the original's resume baseline: 17,589 in and 1,713 out = $0.078
        assertThat(sonnet.cost(new LlmUsage(17_589, 0, 0, 1_713))).isEqualByComparingTo("0.078462");
        assertThat(sonnet.cost(new LlmUsage(0, 1_000_000, 0, 0))).isEqualByComparingTo("3.75");
        assertThat(sonnet.cost(new LlmUsage(0, 0, 1_000_000, 0))).isEqualByComparingTo("0.3");
        assertThat(LlmProperties.Price.FREE.cost(new LlmUsage(5, 5, 5, 5))).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void jsonShape_describesRecordsCompactly() {
        assertThat(JsonShape.of(JobPosting.class)).isEqualTo("{\"company\": string, \"title\": string, "
                + "\"minYears\": integer | null, \"requirements\": [{\"text\": string, \"keywords\": [string] | null, "
                + "\"relevance\": number}]}");
    }

    @Test
    void structuredOutput_readsFencedJson_andReportsViolations() {
        StructuredOutput output = new StructuredOutput(Validation.buildDefaultValidatorFactory().getValidator());
        StructuredOutput.Parsed<JobPosting> fenced = output.parse("Here it is:\n```json\n"
                + "{\"company\":\"Acme\",\"title\":\"SRE\",\"requirements\":[{\"text\":\"Go\",\"relevance\":0.5}],"
                + "\"extra\":1}\n```", JobPosting.class);
        assertThat(fenced.valid()).isTrue();
        assertThat(fenced.value().title()).isEqualTo("SRE");

        StructuredOutput.Parsed<JobPosting> invalid = output.parse("{\"company\":\"\",\"title\":\"SRE\","
                + "\"requirements\":[]}", JobPosting.class);
        assertThat(invalid.problems()).containsExactly("company: must not be blank", "requirements: must not be empty");
        assertThat(output.parse("no json at all", JobPosting.class).problems())
                .containsExactly("the answer contains no JSON object");
        assertThat(output.parse("{\"company\": \"Acme\", \"title\": ", JobPosting.class).problems())
                .singleElement().asString().startsWith("the JSON does not parse");
    }

    @Test
    void retries_onlyTransientFailures() {
        assertThat(ProviderRetry.isTransient(new RateLimitException(new HttpException(429, "slow down")))).isTrue();
        assertThat(ProviderRetry.isTransient(new InternalServerException(new HttpException(529, "overloaded")))).isTrue();
        assertThat(ProviderRetry.isTransient(new TimeoutException(new java.net.http.HttpTimeoutException("t")))).isTrue();
        assertThat(ProviderRetry.isTransient(new InvalidRequestException(new HttpException(400, "bad")))).isFalse();
        assertThat(ProviderRetry.isTransient(new InvalidRequestException(new HttpException(413, "too big")))).isFalse();
        assertThat(ProviderRetry.isTransient(new IllegalStateException("bug"))).isFalse();
        assertThat(ProviderRetry.isTransient(new ProviderRetry.MidStreamFailure("broke", new HttpException(529, "o"), 10)))
                .isFalse();
    }

    @Test
    void llmCall_rejectsWhatCannotBeSent() {
        UUID owner = UUID.randomUUID();
        assertThatThrownBy(() -> LlmCall.builder(owner, "JD Parse").userMessage("x").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("purpose");
        assertThatThrownBy(() -> LlmCall.builder(owner, "jd_parse").userMessage(" ").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LlmCall.builder(owner, "jd_parse").userMessage("x").maxOutputTokens(0).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(LlmCall.builder(owner, "jd_parse").userMessage("x").build().systemContext()).isEmpty();
    }
}
