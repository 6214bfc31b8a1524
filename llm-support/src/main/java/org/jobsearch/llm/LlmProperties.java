package org.jobsearch.llm;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.validation.annotation.Validated;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * LLM settings, under {@code jobsearch.llm}. Services map the environment onto them in their
 * {@code application.yml} ({@code JOBSEARCH_LLM_PROVIDER}, {@code JOBSEARCH_LLM_BASE_URL},
 * {@code JOBSEARCH_LLM_MODEL}, {@code JOBSEARCH_LLM_API_KEY}). Cross-field rules (a key for
 * Anthropic, a model for OpenAI-compatible servers, a price for a paid model) are checked when the
 * properties are bound, so a bad setting stops start-up with a message naming the property.
 *
 * @param provider          {@code anthropic}, {@code openai} (OpenAI-compatible, also Ollama and LM Studio) or
 *                          {@code offline} (no key, no network; callers run their own deterministic logic)
 * @param baseUrl           the provider's API root (default: Anthropic's or OpenAI's public API)
 * @param model             the model id (default for anthropic: {@value #DEFAULT_ANTHROPIC_MODEL})
 * @param apiKey            the provider's secret; never logged, masked in {@link #toString()}
 * @param timeout           connect and response timeout of one HTTP attempt
 * @param streamTimeout     longest wait for a streamed answer to complete
 * @param maxRetries        retries after the first attempt on 408, 429, 5xx (incl. Anthropic's 529) and timeouts
 * @param retryInitialDelay first back-off, doubled per retry
 * @param retryMaxDelay     longest back-off
 * @param cacheSystemPrompt send the static system context as a cached prompt where the provider supports it
 * @param budget            per-owner spending limit
 * @param prices            price table per model id; built-in entry for {@value #DEFAULT_ANTHROPIC_MODEL}
 */
@Validated
@ConfigurationProperties(LlmProperties.PREFIX)
public record LlmProperties(
        @DefaultValue("offline") @NotNull Provider provider,
        String baseUrl,
        String model,
        String apiKey,
        @DefaultValue("60s") @NotNull Duration timeout,
        @DefaultValue("10m") @NotNull Duration streamTimeout,
        @DefaultValue("3") @Min(0) @Max(10) int maxRetries,
        @DefaultValue("1s") @NotNull Duration retryInitialDelay,
        @DefaultValue("30s") @NotNull Duration retryMaxDelay,
        @DefaultValue("true") boolean cacheSystemPrompt,
        @Valid @DefaultValue Budget budget,
        Map<String, @Valid Price> prices) {

    public static final String PREFIX = "jobsearch.llm";
    public static final String DEFAULT_ANTHROPIC_MODEL = "claude-sonnet-4-5";
    public static final String DEFAULT_ANTHROPIC_BASE_URL = "https://api.anthropic.com/v1/";
    public static final String DEFAULT_OPENAI_BASE_URL = "https://api.openai.com/v1";

    /** Claude Sonnet 4.5: $3 / $15 per million tokens, cache writes 1.25x and reads 0.1x of input. */
    public static final Map<String, Price> DEFAULT_PRICES = Map.of(DEFAULT_ANTHROPIC_MODEL,
            new Price(new BigDecimal("3.00"), new BigDecimal("15.00"), new BigDecimal("1.25"), new BigDecimal("0.1")));

    public enum Provider {
        ANTHROPIC, OPENAI, OFFLINE;

        /** The name written to the ledger and used in configuration. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** @param monthlyUsd what one owner may spend per calendar month (UTC), summed from the ledger */
    public record Budget(@DefaultValue("5.00") @NotNull @DecimalMin("0") BigDecimal monthlyUsd) {
    }

    /**
     * Price of one model in USD per million tokens.
     *
     * @param inputPerMtok         uncached input
     * @param outputPerMtok        output
     * @param cacheWriteMultiplier factor on the input price for tokens written to the prompt cache
     * @param cacheReadMultiplier  factor on the input price for tokens read from the prompt cache
     */
    public record Price(
            @NotNull @DecimalMin("0") BigDecimal inputPerMtok,
            @NotNull @DecimalMin("0") BigDecimal outputPerMtok,
            @DefaultValue("1.25") @NotNull @DecimalMin("0") BigDecimal cacheWriteMultiplier,
            @DefaultValue("0.1") @NotNull @DecimalMin("0") BigDecimal cacheReadMultiplier) {

        public static final Price FREE = new Price(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.ONE);
        private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

        /** The cost of {@code usage}, in USD with 8 decimals. */
        public BigDecimal cost(LlmUsage usage) {
            BigDecimal input = inputPerMtok.multiply(BigDecimal.valueOf(usage.inputTokens()))
                    .add(inputPerMtok.multiply(cacheWriteMultiplier).multiply(BigDecimal.valueOf(usage.cacheWriteTokens())))
                    .add(inputPerMtok.multiply(cacheReadMultiplier).multiply(BigDecimal.valueOf(usage.cacheReadTokens())));
            BigDecimal output = outputPerMtok.multiply(BigDecimal.valueOf(usage.outputTokens()));
            return input.add(output).divide(MILLION, 8, RoundingMode.HALF_UP);
        }
    }

    public LlmProperties {
        Map<String, Price> merged = new LinkedHashMap<>(DEFAULT_PRICES);
        if (prices != null) {
            prices.forEach((name, price) -> {
                if (price != null) {
                    merged.put(name, price);
                }
            });
        }
        prices = Map.copyOf(merged);
        if (provider != null) {
            check(provider, baseUrl, model, apiKey, prices);
        }
    }

    private static void check(Provider provider, String baseUrl, String model, String apiKey, Map<String, Price> prices) {
        switch (provider) {
            case ANTHROPIC -> {
                if (isBlank(apiKey)) {
                    throw invalid("api-key", null, "an API key is required when " + PREFIX
                            + ".provider is anthropic (environment: JOBSEARCH_LLM_API_KEY)");
                }
                String resolved = isBlank(model) ? DEFAULT_ANTHROPIC_MODEL : model;
                if (!prices.containsKey(resolved)) {
                    throw invalid("prices", resolved, "no price for model '" + resolved + "': set " + PREFIX + ".prices."
                            + resolved + ".input-per-mtok and .output-per-mtok, or the budget could not be enforced");
                }
            }
            case OPENAI -> {
                if (isBlank(model)) {
                    throw invalid("model", null, "a model id is required when " + PREFIX
                            + ".provider is openai (environment: JOBSEARCH_LLM_MODEL)");
                }
                if (isBlank(baseUrl) && isBlank(apiKey)) {
                    throw invalid("api-key", null, "an API key is required for OpenAI's own API; set " + PREFIX
                            + ".base-url (JOBSEARCH_LLM_BASE_URL) to reach a local OpenAI-compatible server without one");
                }
            }
            case OFFLINE -> {
                // needs nothing
            }
        }
        if (!isBlank(baseUrl) && !baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
            throw invalid("base-url", baseUrl, "must be an http:// or https:// URL");
        }
    }

    private static InvalidConfigurationPropertyValueException invalid(String property, String value, String reason) {
        return new InvalidConfigurationPropertyValueException(PREFIX + "." + property, value, reason);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** The model in use: the configured one, or the provider's default. */
    public String resolvedModel() {
        if (!isBlank(model)) {
            return model;
        }
        return switch (provider) {
            case ANTHROPIC -> DEFAULT_ANTHROPIC_MODEL;
            case OPENAI -> throw new IllegalStateException(PREFIX + ".model is required for openai");
            case OFFLINE -> "offline";
        };
    }

    /** The API root in use: the configured one, or the provider's public API. */
    public String resolvedBaseUrl() {
        if (!isBlank(baseUrl)) {
            return baseUrl;
        }
        return switch (provider) {
            case ANTHROPIC -> DEFAULT_ANTHROPIC_BASE_URL;
            case OPENAI -> DEFAULT_OPENAI_BASE_URL;
            case OFFLINE -> "";
        };
    }

    /** The price of {@code modelId}; a model without an entry (a local one) costs nothing. */
    public Price priceOf(String modelId) {
        return prices.getOrDefault(modelId, Price.FREE);
    }

    @Override
    public String toString() {
        return "LlmProperties[provider=" + provider + ", baseUrl=" + baseUrl + ", model=" + model
                + ", apiKey=" + (isBlank(apiKey) ? "<none>" : "****") + ", timeout=" + timeout
                + ", streamTimeout=" + streamTimeout + ", maxRetries=" + maxRetries
                + ", retryInitialDelay=" + retryInitialDelay + ", retryMaxDelay=" + retryMaxDelay
                + ", cacheSystemPrompt=" + cacheSystemPrompt + ", budget=" + budget + ", prices=" + prices + "]";
    }
}
