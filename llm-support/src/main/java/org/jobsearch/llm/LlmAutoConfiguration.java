package org.jobsearch.llm;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.flywaydb.core.api.Location;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.jobsearch.llm.api.LlmApiConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * LLM calls for a service: the {@link LlmClient} of the configured provider, the {@link CostLedger}
 * and its table (Flyway location {@code db/llm}, versions 0.5.x), and in a web service the read API over both
 * ({@link LlmApiConfiguration}).
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
        "org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration"})
@EnableConfigurationProperties(LlmProperties.class)
@Import(LlmApiConfiguration.class)
public class LlmAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LlmAutoConfiguration.class);

    /**
     * Adds the ledger's migrations ({@code db/llm}, 0.5.x) to the service's. They version below the service's own
     * {@code V1}, so a database migrated before this library (or one of its migrations) existed must accept them
     * out of order: without that, Flyway refuses to start the upgraded service ("resolved migration not applied").
     */
    @Bean
    FlywayConfigurationCustomizer llmFlywayCustomizer() {
        return configuration -> {
            List<Location> locations = new ArrayList<>(Arrays.asList(configuration.getLocations()));
            locations.add(new Location("classpath:db/llm"));
            configuration.locations(locations.toArray(Location[]::new)).outOfOrder(true);
        };
    }

    @Bean
    @ConditionalOnMissingBean
    CostLedger llmCostLedger(JdbcTemplate jdbc, ObjectProvider<PlatformTransactionManager> transactionManager) {
        return new CostLedger(jdbc, transactionManager.getIfAvailable());
    }

    @Bean
    @ConditionalOnMissingBean
    LlmClient llmClient(LlmProperties properties, CostLedger ledger, ObjectProvider<Validator> validator) {
        String model = properties.resolvedModel();
        if (properties.provider() != LlmProperties.Provider.OFFLINE && !properties.prices().containsKey(model)) {
            log.warn("No price for model '{}' in jobsearch.llm.prices: its calls are recorded at cost 0 and the "
                    + "budget does not limit them", model);
        }
        log.info("LLM provider {} (model {}{})", properties.provider().id(), model,
                properties.provider() == LlmProperties.Provider.OFFLINE ? "" : ", " + properties.resolvedBaseUrl());
        return new DefaultLlmClient(properties, LlmModels.of(properties), ledger,
                validator.getIfAvailable(() -> Validation.buildDefaultValidatorFactory().getValidator()));
    }
}
