package org.jobsearch.prep.preparation;

import org.jobsearch.llm.LlmClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The generator the configured provider calls for: deterministic offline prep, or streamed LLM prep. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PrepProperties.class)
class PrepConfiguration {

    @Bean
    PrepGenerator prepGenerator(LlmClient llm, PrepProperties properties) {
        return llm.isOffline() ? new OfflinePrepGenerator(llm)
                : new LlmPrepGenerator(llm, properties.baseMaxOutputTokens(), properties.interviewMaxOutputTokens());
    }
}
