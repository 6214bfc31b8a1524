package org.jobsearch.llm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Start-up validation of {@code jobsearch.llm.*}, without a database. */
@ExtendWith(OutputCaptureExtension.class)
class LlmConfigurationTest {

    static final String KEY = "sk-ant-secret-0b7e44c2a1";

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(LlmAutoConfiguration.class))
            .withBean(JdbcTemplate.class, () -> new JdbcTemplate(new SimpleDriverDataSource()));

    @Test
    void offlineIsTheDefault_andNeedsNoKey() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            LlmClient client = context.getBean(LlmClient.class);
            assertThat(client.isOffline()).isTrue();
            LlmProperties properties = context.getBean(LlmProperties.class);
            assertThat(properties.budget().monthlyUsd()).isEqualByComparingTo("5.00");
            assertThat(properties.timeout()).isEqualTo(Duration.ofSeconds(60));
            assertThat(properties.priceOf("claude-sonnet-4-5")).isEqualTo(new LlmProperties.Price(
                    new java.math.BigDecimal("3.00"), new java.math.BigDecimal("15.00"),
                    new java.math.BigDecimal("1.25"), new java.math.BigDecimal("0.1")));
        });
    }

    @Test
    void anthropicWithoutKey_failsStartUp_namingTheProperty() {
        runner.withPropertyValues("jobsearch.llm.provider=anthropic").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                    .hasMessageContaining("jobsearch.llm.api-key")
                    .hasMessageContaining("JOBSEARCH_LLM_API_KEY");
        });
    }

    @Test
    void anthropicWithKey_startsWithTheDefaultModel_andTheKeyIsNeverShown(CapturedOutput output) {
        runner.withPropertyValues("jobsearch.llm.provider=anthropic", "jobsearch.llm.api-key=" + KEY).run(context -> {
            assertThat(context).hasNotFailed();
            LlmClient client = context.getBean(LlmClient.class);
            assertThat(client.isOffline()).isFalse();
            assertThat(client.model()).isEqualTo("claude-sonnet-4-5");
            LlmProperties properties = context.getBean(LlmProperties.class);
            assertThat(properties.apiKey()).isEqualTo(KEY);
            assertThat(properties.toString()).doesNotContain(KEY).contains("apiKey=****");
        });
        assertThat(output.getAll()).contains("LLM provider anthropic").doesNotContain(KEY);
    }

    @Test
    void anthropicModelWithoutPrice_failsStartUp_namingThePriceTable() {
        runner.withPropertyValues("jobsearch.llm.provider=anthropic", "jobsearch.llm.api-key=" + KEY,
                "jobsearch.llm.model=claude-opus-4-1").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("jobsearch.llm.prices")
                    .hasMessageContaining("claude-opus-4-1")
                    .hasMessageNotContaining(KEY);
        });
        runner.withPropertyValues("jobsearch.llm.provider=anthropic", "jobsearch.llm.api-key=" + KEY,
                "jobsearch.llm.model=claude-opus-4-1", "jobsearch.llm.prices.claude-opus-4-1.input-per-mtok=15",
                "jobsearch.llm.prices.claude-opus-4-1.output-per-mtok=75").run(context -> {
            assertThat(context).hasNotFailed();
            LlmProperties.Price price = context.getBean(LlmProperties.class).priceOf("claude-opus-4-1");
            assertThat(price.outputPerMtok()).isEqualByComparingTo("75");
            assertThat(price.cacheReadMultiplier()).isEqualByComparingTo("0.1");
        });
    }

    @Test
    void openAiCompatible_needsAModel_andAKeyOnlyForOpenAisOwnApi() {
        runner.withPropertyValues("jobsearch.llm.provider=openai").run(context ->
                assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("jobsearch.llm.model"));
        runner.withPropertyValues("jobsearch.llm.provider=openai", "jobsearch.llm.model=gpt-4o-mini").run(context ->
                assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("jobsearch.llm.api-key"));
        runner.withPropertyValues("jobsearch.llm.provider=openai", "jobsearch.llm.model=llama3.1",
                "jobsearch.llm.base-url=http://localhost:11434/v1").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(LlmClient.class).provider()).isEqualTo("openai");
        });
    }

    @Test
    void badSimpleSettings_failStartUp() {
        runner.withPropertyValues("jobsearch.llm.max-retries=-1").run(context ->
                assertThat(context.getStartupFailure()).hasStackTraceContaining("maxRetries"));
        runner.withPropertyValues("jobsearch.llm.provider=anthropic", "jobsearch.llm.api-key=" + KEY,
                "jobsearch.llm.base-url=api.anthropic.com").run(context ->
                assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("jobsearch.llm.base-url"));
    }
}
