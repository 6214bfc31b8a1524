package org.jobsearch.resume.jd;

import org.jobsearch.llm.LlmClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The model parses JDs when one is configured; otherwise the deterministic offline parser does. */
@Configuration(proxyBeanMethods = false)
class JdParserConfiguration {

    @Bean
    JdParser jdParser(LlmClient llm) {
        return llm.isOffline() ? new OfflineJdParser(llm) : new LlmJdParser(llm);
    }
}
