package org.jobsearch.llm;

import jakarta.validation.Validator;
import org.jobsearch.testkit.LlmProviderStub;
import org.jobsearch.testkit.WithRealInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One Spring context for every integration test of the library: the auto-configured client on a
 * stub of Anthropic's API, and the ledger on a real PostgreSQL database of its own.
 */
@SpringBootTest(classes = LlmTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@WithRealInfrastructure
abstract class LlmIntegrationTest {

    static final LlmProviderStub ANTHROPIC = LlmProviderStub.start();
    static final String API_KEY = "sk-ant-stub-7d1f3a9e5c";

    @DynamicPropertySource
    static void llmProperties(DynamicPropertyRegistry registry) {
        registry.add("jobsearch.llm.provider", () -> "anthropic");
        registry.add("jobsearch.llm.base-url", () -> ANTHROPIC.url() + "/v1/");
        registry.add("jobsearch.llm.api-key", () -> API_KEY);
        registry.add("jobsearch.llm.timeout", () -> "3s");
        registry.add("jobsearch.llm.stream-timeout", () -> "10s");
        registry.add("jobsearch.llm.max-retries", () -> "2");
        registry.add("jobsearch.llm.retry-initial-delay", () -> "10ms");
        registry.add("jobsearch.llm.retry-max-delay", () -> "40ms");
    }

    @Autowired
    LlmClient llm;
    @Autowired
    LlmProperties properties;
    @Autowired
    CostLedger ledger;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Validator validator;

    @BeforeEach
    void resetStub() {
        ANTHROPIC.reset();
    }

    /** Every ledger row of {@code ownerId}, oldest first. */
    List<Map<String, Object>> rows(UUID ownerId) {
        return jdbc.queryForList("select * from llm_call where owner_id = ? order by created_at, id", ownerId);
    }

    /** A client of its own, for settings the shared context does not have. */
    LlmClient client(LlmProperties custom) {
        return new DefaultLlmClient(custom, LlmModels.of(custom), ledger, validator);
    }

    static LlmProperties settings(LlmProperties.Provider provider, String baseUrl, String model, String apiKey,
                                  Duration timeout, int maxRetries, BigDecimal monthlyBudget,
                                  Map<String, LlmProperties.Price> prices) {
        return new LlmProperties(provider, baseUrl, model, apiKey, timeout, Duration.ofSeconds(10), maxRetries,
                Duration.ofMillis(10), Duration.ofMillis(40), true, new LlmProperties.Budget(monthlyBudget), prices);
    }

    static BigDecimal usd(String value) {
        return new BigDecimal(value);
    }
}
