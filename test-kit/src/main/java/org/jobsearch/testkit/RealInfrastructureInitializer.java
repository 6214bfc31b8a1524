package org.jobsearch.testkit;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.util.HashMap;
import java.util.Map;

/**
 * Points a Spring test context at the JVM's shared PostgreSQL and Kafka, with a database, a
 * replication slot, a relay name and a consumer group of its own. Contexts are cached by Spring's
 * test framework, so this runs once per distinct context, never once per test class: two cached
 * contexts never relay from the same slot or clash on JMX names.
 */
public class RealInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        PostgresServer postgres = SharedInfrastructure.postgres();
        KafkaServer kafka = SharedInfrastructure.kafka();
        String database = postgres.createDatabase("ctx");

        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", postgres.jdbcUrl(database));
        properties.put("spring.datasource.username", postgres.username());
        properties.put("spring.datasource.password", postgres.password());
        properties.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
        properties.put("jobsearch.messaging.relay.name", database);
        properties.put("jobsearch.messaging.relay.slot-name", database + "_outbox");
        properties.put("jobsearch.messaging.consumer.group-id", "${spring.application.name:app}-" + database);
        properties.put("jobsearch.test.database", database);
        context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("jobsearch-test-infrastructure", properties));
        SharedInfrastructure.closeBeforeShutdown(context);
    }
}
