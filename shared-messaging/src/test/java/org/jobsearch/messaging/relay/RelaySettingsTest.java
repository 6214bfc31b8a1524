package org.jobsearch.messaging.relay;

import org.jobsearch.messaging.MessagingProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Debezium's {@code max.batch.size} as a relay setting: default 1, at least 1, passed to the engine. */
class RelaySettingsTest {

    private static final RelaySettings DEFAULTS = RelaySettings.withDefaults("jdbc:postgresql://localhost:5432/app",
            "app", "secret", "app", "app_outbox");

    @Test
    void oneRecordPerDebeziumBatchByDefault_passedToTheEngine() {
        assertThat(DEFAULTS.maxBatchSize()).isEqualTo(1);
        assertThat(new OutboxRelay(DEFAULTS, () -> null, RelayListener.NONE).debeziumProperties())
                .containsEntry("max.batch.size", "1");
        assertThat(new OutboxRelay(DEFAULTS.withMaxBatchSize(2048), () -> null, RelayListener.NONE).debeziumProperties())
                .containsEntry("max.batch.size", "2048")
                .containsEntry("max.queue.size", "8192");
    }

    @Test
    void copiesKeepTheBatchSize() {
        RelaySettings large = DEFAULTS.withMaxBatchSize(500);
        assertThat(large.withTimings(java.time.Duration.ofMillis(5), java.time.Duration.ZERO).maxBatchSize()).isEqualTo(500);
    }

    @Test
    void aBatchSizeBelowOneIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> DEFAULTS.withMaxBatchSize(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jobsearch.messaging.relay.max-batch-size");
    }

    @Test
    void theApplicationRefusesToStartWithABatchSizeBelowOne() {
        new ApplicationContextRunner()
                .withUserConfiguration(PropertiesOnly.class)
                .withPropertyValues("jobsearch.messaging.relay.max-batch-size=0")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("jobsearch.messaging.relay.max-batch-size must be at least 1"));
        new ApplicationContextRunner()
                .withUserConfiguration(PropertiesOnly.class)
                .run(context -> assertThat(context.getBean(MessagingProperties.class).relay().maxBatchSize()).isEqualTo(1));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(MessagingProperties.class)
    static class PropertiesOnly {
        @org.springframework.context.annotation.Bean
        static LocalValidatorFactoryBean configurationPropertiesValidator() {
            return new LocalValidatorFactoryBean();
        }
    }
}
