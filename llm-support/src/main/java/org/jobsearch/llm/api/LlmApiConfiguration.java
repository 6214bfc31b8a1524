package org.jobsearch.llm.api;

import org.jobsearch.llm.CostLedger;
import org.jobsearch.llm.LlmClient;
import org.jobsearch.llm.LlmProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;

/**
 * The read API over the ledger ({@code GET <base-path>/status}, {@code GET <base-path>/costs}), in a
 * servlet service that has the platform's identity (the caller) and REST conventions, once it names
 * where to serve it with {@code jobsearch.llm.api.base-path}. Without a base path there is no API: a
 * default path outside the service's {@code /api/<area>} would not be routed by the gateway.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = {"org.jobsearch.identity.CurrentUser", "org.jobsearch.rest.InvalidField",
        "io.swagger.v3.oas.annotations.Parameter"})
@ConditionalOnProperty(name = "jobsearch.llm.api.base-path")
public class LlmApiConfiguration {

    @Bean
    LlmApiController llmApiController(LlmClient llm, LlmProperties properties, CostLedger ledger, JdbcTemplate jdbc,
                                      ObjectProvider<Clock> clock) {
        return new LlmApiController(llm, properties, ledger, new CostReportQuery(jdbc),
                clock.getIfAvailable(Clock::systemUTC));
    }
}
