package org.jobsearch.resume.generation;

import org.jobsearch.llm.LlmClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The model writes bullets when one is configured (its answer verified); otherwise the offline writer does. */
@Configuration(proxyBeanMethods = false)
class BulletWriterConfiguration {

    @Bean
    BulletWriter bulletWriter(LlmClient llm) {
        return llm.isOffline() ? new OfflineBulletWriter() : new LlmBulletWriter(llm, new BulletVerifier());
    }
}
