package org.jobsearch.testkit;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.util.Map;

/** Kafka's own broker in KRaft mode, in the test JVM (spring-kafka-test). */
final class EmbeddedKafkaServer implements KafkaServer {

    private final EmbeddedKafkaKraftBroker broker;

    EmbeddedKafkaServer() {
        broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperties(Map.of(
                "auto.create.topics.enable", "true",
                "group.initial.rebalance.delay.ms", "0",
                "group.coordinator.append.linger.ms", "0",
                "offsets.topic.replication.factor", "1",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1"));
        broker.afterPropertiesSet();
    }

    @Override
    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    void close() {
        broker.destroy();
    }
}
