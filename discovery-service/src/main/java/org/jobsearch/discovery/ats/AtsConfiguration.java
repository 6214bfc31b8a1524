package org.jobsearch.discovery.ats;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Wires the ATS clients from {@code jobsearch.discovery.ats}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AtsProperties.class)
class AtsConfiguration {

    @Bean(destroyMethod = "close")
    HostScheduler atsHostScheduler(AtsProperties properties) {
        return new HostScheduler(properties.maxConcurrentHosts(), properties.pauseBetweenRequests(), Clock.systemUTC(),
                Sleeper.SYSTEM);
    }

    @Bean
    AtsService atsService(AtsProperties properties, HostScheduler atsHostScheduler) {
        return new AtsService(properties, atsHostScheduler, Clock.systemUTC(), Sleeper.SYSTEM);
    }
}
