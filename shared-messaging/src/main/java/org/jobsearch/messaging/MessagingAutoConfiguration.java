package org.jobsearch.messaging;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jobsearch.events.Topics;
import org.jobsearch.messaging.deadletter.DeadLetterConfiguration;
import org.jobsearch.messaging.deadletter.DeadLetterRecoverer;
import org.jobsearch.messaging.inbox.EventHandler;
import org.jobsearch.messaging.inbox.InboxDispatcher;
import org.jobsearch.messaging.inbox.InboxListeners;
import org.jobsearch.messaging.inbox.InboxStats;
import org.jobsearch.messaging.inbox.PoisonMessageException;
import org.jobsearch.messaging.inbox.TransientFailures;
import org.jobsearch.messaging.outbox.OutboxWriter;
import org.jobsearch.messaging.relay.OutboxRelay;
import org.jobsearch.messaging.relay.RelayHealthIndicator;
import org.jobsearch.messaging.relay.RelayLifecycle;
import org.jobsearch.messaging.relay.RelayListener;
import org.jobsearch.messaging.relay.RelaySettings;
import org.flywaydb.core.api.Location;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The event plumbing of a service: outbox writer, outbox relay, inbox listeners with retries and
 * dead letters, and the messaging tables (Flyway location {@code db/messaging}, versions 0.x).
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
        "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"})
@EnableConfigurationProperties(MessagingProperties.class)
@Import(DeadLetterConfiguration.class)
public class MessagingAutoConfiguration {

    /** Qualifier of the event payload mapper. */
    public static final String EVENT_JSON = "eventJsonMapper";

    /** Names derived from the application name where the properties leave them out. */
    public record MessagingNames(String source, String relayName, String slotName, String publicationName,
                                 String groupId) {

        static MessagingNames resolve(MessagingProperties properties, Environment environment) {
            String application = environment.getProperty("spring.application.name", "app");
            String identifier = application.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
            MessagingProperties.Relay relay = properties.relay();
            return new MessagingNames(
                    properties.source() != null ? properties.source() : application,
                    relay.name() != null ? relay.name() : identifier,
                    relay.slotName() != null ? relay.slotName() : identifier + "_outbox",
                    relay.publicationName(),
                    properties.consumer().groupId() != null ? properties.consumer().groupId() : application);
        }
    }

    @Bean
    MessagingNames messagingNames(MessagingProperties properties, Environment environment) {
        return MessagingNames.resolve(properties, environment);
    }

    /**
     * Jackson for event payloads only, unaffected by how the service configures its web JSON. Not a
     * default candidate, so it never displaces Boot's own JsonMapper in the service.
     */
    @Bean(defaultCandidate = false)
    @Qualifier(EVENT_JSON)
    JsonMapper eventJsonMapper() {
        return JsonMapper.builder().build();
    }

    @Bean
    FlywayConfigurationCustomizer messagingFlywayCustomizer(MessagingNames names) {
        return configuration -> {
            List<Location> locations = new ArrayList<>(Arrays.asList(configuration.getLocations()));
            locations.add(new Location("classpath:db/messaging"));
            Map<String, String> placeholders = new HashMap<>(configuration.getPlaceholders());
            placeholders.put("slot_name", names.slotName());
            placeholders.put("publication_name", names.publicationName());
            // library versions (0.x) sort before the service's own: a later messaging migration reaches existing
            // databases only out of order (as llm-support's, LlmAutoConfiguration)
            configuration.locations(locations.toArray(Location[]::new)).placeholders(placeholders).outOfOrder(true);
        };
    }

    @Bean
    @ConditionalOnMissingBean
    OutboxWriter outboxWriter(JdbcTemplate jdbc, @Qualifier(EVENT_JSON) JsonMapper eventJsonMapper, MessagingNames names,
                              ObjectProvider<TraceparentSupplier> traceparent) {
        TraceparentSupplier supplier = traceparent.getIfAvailable(() -> () -> null);
        return new OutboxWriter(jdbc, eventJsonMapper, names.source(), supplier);
    }

    /** Producer settings of the relay and the dead-letter publisher: Boot's, plus idempotence and acks=all. */
    @Bean
    MessagingProducerSettings messagingProducerSettings(KafkaProperties kafka) {
        Map<String, Object> settings = new HashMap<>(kafka.buildProducerProperties());
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new MessagingProducerSettings(Map.copyOf(settings));
    }

    /** @param producer the producer configuration every platform producer uses */
    public record MessagingProducerSettings(Map<String, Object> producer) {
    }

    @Bean
    KafkaAdmin.NewTopics platformTopics(MessagingProperties properties) {
        MessagingProperties.Topics topics = properties.topics();
        if (!topics.create()) {
            return new KafkaAdmin.NewTopics();
        }
        return new KafkaAdmin.NewTopics(Topics.ALL.stream()
                .flatMap(topic -> java.util.stream.Stream.of(topic, Topics.dlt(topic)))
                .map(topic -> TopicBuilder.name(topic).partitions(topics.partitions())
                        .replicas(topics.replicationFactor()).build())
                .toArray(org.apache.kafka.clients.admin.NewTopic[]::new));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "jobsearch.messaging.relay.enabled", matchIfMissing = true)
    static class RelayConfiguration {

        @Bean(destroyMethod = "")
        OutboxRelay outboxRelay(MessagingProperties properties, MessagingNames names, DataSourceProperties dataSource,
                                MessagingProducerSettings producerSettings, ObjectProvider<RelayListener> listener) {
            MessagingProperties.Relay relay = properties.relay();
            RelaySettings settings = new RelaySettings(dataSource.determineUrl(), dataSource.determineUsername(),
                    dataSource.determinePassword(), names.relayName(), names.slotName(), names.publicationName(),
                    relay.pollInterval(), relay.leaderCheckInterval(), relay.restartBackoff(), relay.sendTimeout(),
                    relay.heartbeatInterval(), relay.retention(), java.time.Duration.ofSeconds(60),
                    relay.offsetFlushInterval(), relay.maxBatchSize());
            Map<String, Object> relayProducer = OutboxRelay.producerConfig(producerSettings.producer());
            Supplier<org.apache.kafka.clients.producer.Producer<String, byte[]>> producers =
                    () -> new KafkaProducer<>(relayProducer);
            return new OutboxRelay(settings, producers, listener.getIfAvailable(() -> RelayListener.NONE));
        }

        @Bean
        RelayLifecycle outboxRelayLifecycle(OutboxRelay relay) {
            return new RelayLifecycle(relay);
        }

        @Bean
        @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
        RelayHealthIndicator outboxRelayHealthIndicator(OutboxRelay relay) {
            return new RelayHealthIndicator(relay);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class InboxConfiguration {

        @Bean
        InboxStats inboxStats(ObjectProvider<io.micrometer.core.instrument.MeterRegistry> registry) {
            return new InboxStats(registry.getIfAvailable());
        }

        @Bean
        InboxDispatcher inboxDispatcher(List<EventHandler<?>> handlers, @Qualifier(EVENT_JSON) JsonMapper eventJsonMapper,
                                        ObjectProvider<Validator> validator, JdbcTemplate jdbc,
                                        PlatformTransactionManager transactionManager, InboxStats stats) {
            return new InboxDispatcher(handlers, eventJsonMapper,
                    validator.getIfAvailable(() -> Validation.buildDefaultValidatorFactory().getValidator()),
                    jdbc, new TransactionTemplate(transactionManager), stats);
        }

        @Bean
        KafkaTemplate<String, byte[]> deadLetterKafkaTemplate(MessagingProducerSettings producerSettings) {
            return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producerSettings.producer()));
        }

        @Bean
        DefaultErrorHandler inboxErrorHandler(MessagingProperties properties, DeadLetterRecoverer recoverer) {
            MessagingProperties.Consumer consumer = properties.consumer();
            ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(consumer.retryAttempts());
            backOff.setInitialInterval(consumer.retryInitialDelay().toMillis());
            backOff.setMultiplier(consumer.retryMultiplier());
            backOff.setMaxInterval(consumer.retryMaxDelay().toMillis());
            DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
            handler.addNotRetryableExceptions(PoisonMessageException.class);
            // the database (or its pool) being away is no fault of the record: keep retrying it, at the
            // longest back-off, until the database is back, instead of dead-lettering a healthy record
            handler.setBackOffFunction((record, failure) -> {
                if (!TransientFailures.isTransient(failure)) {
                    return null;
                }
                ExponentialBackOff untilBack = new ExponentialBackOff(consumer.retryInitialDelay().toMillis(),
                        consumer.retryMultiplier());
                untilBack.setMaxInterval(consumer.retryMaxDelay().toMillis());
                return untilBack;
            });
            return handler;
        }

        @Bean
        ConcurrentKafkaListenerContainerFactory<String, byte[]> inboxListenerContainerFactory(
                KafkaProperties kafka, MessagingProperties properties, MessagingNames names,
                DefaultErrorHandler inboxErrorHandler) {
            Map<String, Object> settings = new HashMap<>(kafka.buildConsumerProperties());
            settings.put(ConsumerConfig.GROUP_ID_CONFIG, names.groupId());
            settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
            // a new service (or group) reads what was published before it first started
            settings.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
            factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(settings));
            factory.setCommonErrorHandler(inboxErrorHandler);
            factory.setConcurrency(properties.consumer().concurrency());
            return factory;
        }

        @Bean
        InboxListeners inboxListeners(ConcurrentKafkaListenerContainerFactory<String, byte[]> inboxListenerContainerFactory,
                                      InboxDispatcher dispatcher) {
            return new InboxListeners(inboxListenerContainerFactory, dispatcher);
        }
    }
}
